package io.headroom.reports.compare;

import io.headroom.planner.timeline.LatencySummary;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Window;
import java.util.List;

/**
 * Prediction against observation: what {@code comparison.json} holds. The 503 windows compared are
 * the significant ones — at least {@link #SIGNIFICANT_WINDOW_REJECTED} rejected requests — so that a
 * stray 503 on either side is not counted as a missed or false window.
 *
 * @param predicted503Fraction the simulation's 503 fraction
 * @param observed503Fraction the load test's 503 fraction
 * @param relative503Error |observed − predicted| / max(predicted, observed); 0 when both are 0
 * @param precision of predicted 503 seconds that were observed ({@link Agreement})
 * @param recall of observed 503 seconds that were predicted
 * @param overlap Jaccard index of the two sets of 503 seconds
 * @param windows each significant predicted window with its observed match and onset and end errors
 * @param unmatchedObservedWindows significant observed windows no prediction matched
 * @param latencyMs p50 and p99, predicted and observed
 * @param replicasMeanAbsoluteError mean |observed − predicted| ready replicas per second, when the target exposed them; else null
 * @param incomplete the load test stopped early
 * @param verdict the outcome against the thresholds
 */
public record Comparison(double predicted503Fraction, double observed503Fraction, double relative503Error, Double precision,
        Double recall, Double overlap, List<WindowMatch> windows, List<Window> unmatchedObservedWindows, Latency latencyMs,
        Double replicasMeanAbsoluteError, boolean incomplete, Verdict verdict) {
    /** Windows with fewer 503s than this are noise for the window comparison. */
    public static final int SIGNIFICANT_WINDOW_REJECTED = 10;

    public Comparison {
        windows = List.copyOf(windows);
        unmatchedObservedWindows = List.copyOf(unmatchedObservedWindows);
    }

    /** Latency percentiles of both runs, in ms. */
    public record Latency(Percentiles predicted, Percentiles observed) {
    }

    /** p50 and p99 in ms; null when nothing was timed. */
    public record Percentiles(Double p50, Double p99) {
        static Percentiles of(LatencySummary s) {
            return new Percentiles(s.p50(), s.p99());
        }
    }

    /** Compares a predicted run with an observed one and judges it against {@code thresholds}. */
    public static Comparison of(Summary predicted, List<TimelineRow> predictedRows, Summary observed, List<TimelineRow> observedRows,
            Thresholds thresholds) {
        Agreement a = Agreement.of(predictedRows, observedRows);
        List<Window> p = significant(predicted.windows());
        List<Window> o = significant(observed.windows());
        List<WindowMatch> matches = WindowMatch.pair(p, o);
        List<Window> unmatched = o.stream().filter(w -> matches.stream().noneMatch(m -> w.equals(m.observed()))).toList();
        double pf = predicted.rejected503Fraction();
        double of = observed.rejected503Fraction();
        double relative = Math.max(pf, of) == 0 ? 0 : Math.abs(of - pf) / Math.max(pf, of);
        Latency latency = new Latency(Percentiles.of(predicted.latencyMs()), Percentiles.of(observed.latencyMs()));
        Comparison unjudged = new Comparison(pf, of, relative, a.precision(), a.recall(), a.overlap(), matches, unmatched, latency,
                replicasError(predictedRows, observedRows), observed.incomplete(), null);
        return unjudged.withVerdict(thresholds.judge(unjudged));
    }

    private Comparison withVerdict(Verdict v) {
        return new Comparison(predicted503Fraction, observed503Fraction, relative503Error, precision, recall, overlap, windows,
                unmatchedObservedWindows, latencyMs, replicasMeanAbsoluteError, incomplete, v);
    }

    private static List<Window> significant(List<Window> windows) {
        return windows.stream().filter(w -> w.rejected() >= SIGNIFICANT_WINDOW_REJECTED).toList();
    }

    private static Double replicasError(List<TimelineRow> predicted, List<TimelineRow> observed) {
        double total = 0;
        int n = 0;
        for (int i = 0; i < Math.min(predicted.size(), observed.size()); i++) {
            if (predicted.get(i).replicas() != null && observed.get(i).replicas() != null) {
                total += Math.abs(observed.get(i).replicas().ready() - predicted.get(i).replicas().ready());
                n++;
            }
        }
        return n == 0 ? null : total / n;
    }
}
