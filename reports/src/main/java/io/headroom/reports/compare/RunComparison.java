package io.headroom.reports.compare;

import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run against a baseline — last week's load test, a prediction, a merge — for {@code compare}:
 * each metric's baseline and new value and its rise, judged against {@link RegressionThresholds}.
 *
 * @param baseline what the baseline is (kind, scenario, seed, seconds, folder)
 * @param candidate what the new run is
 * @param samePlan true when both replayed the same arrival plan (plan.json digests equal); null when one has none
 * @param metrics one row per metric, in a fixed order
 * @param verdict the thresholds' outcome
 */
public record RunComparison(String baseline, String candidate, Boolean samePlan, List<Metric> metrics, Verdict verdict) {
    public RunComparison {
        metrics = List.copyOf(metrics);
    }

    /**
     * One metric of both runs.
     *
     * @param key the threshold key that limits it ({@code fraction503}, {@code p99}, ...), or the metric's name when none does
     * @param label how the table names it
     * @param unit {@code fraction}, {@code ms}, {@code hours}, {@code count}
     * @param baseline the baseline's value, null when unknown
     * @param candidate the new run's value, null when unknown
     * @param rise new − baseline, in the metric's unit (null when either is unknown)
     * @param relativeRise rise / baseline (null when either is unknown or baseline is 0)
     */
    public record Metric(String key, String label, String unit, Double baseline, Double candidate, Double rise, Double relativeRise) {
        static Metric of(String key, String label, String unit, Double baseline, Double candidate) {
            Double rise = baseline == null || candidate == null ? null : candidate - baseline;
            Double relative = rise == null || baseline == 0 ? null : rise / baseline;
            return new Metric(key, label, unit, baseline, candidate, rise, relative);
        }
    }

    /** BASELINE against NEW, judged by {@code thresholds}. */
    public static RunComparison of(RunFolder baseline, RunFolder candidate, RegressionThresholds thresholds) {
        Summary b = baseline.summary();
        Summary n = candidate.summary();
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("requests", "requests", "count", (double) b.requests(), (double) n.requests()));
        metrics.add(Metric.of("fraction503", "503 fraction", "fraction", b.rejected503Fraction(), n.rejected503Fraction()));
        metrics.add(Metric.of("fraction504", "504 fraction", "fraction", b.timeout504Fraction(), n.timeout504Fraction()));
        metrics.add(Metric.of("fraction502", "502 fraction", "fraction", b.error502Fraction(), n.error502Fraction()));
        metrics.add(Metric.of("p50", "latency p50", "ms", baseline.latencyMs().p50(), candidate.latencyMs().p50()));
        metrics.add(Metric.of("p90", "latency p90", "ms", baseline.latencyMs().p90(), candidate.latencyMs().p90()));
        metrics.add(Metric.of("p99", "latency p99", "ms", baseline.latencyMs().p99(), candidate.latencyMs().p99()));
        metrics.add(Metric.of("replicaHours", "replica-hours", "hours", b.replicaHours(), n.replicaHours()));
        metrics.add(Metric.of("windows", "503 windows", "count", (double) b.windows().size(), (double) n.windows().size()));
        metrics.add(Metric.of("windowRejected", "503s in windows", "count", (double) rejected(b.windows()),
                (double) rejected(n.windows())));
        Boolean samePlan = baseline.planSha256() == null || candidate.planSha256() == null ? null
                : baseline.planSha256().equals(candidate.planSha256());
        return new RunComparison(describe(baseline), describe(candidate), samePlan, metrics, thresholds.judge(metrics, n.incomplete()
                || b.incomplete()));
    }

    /** The metric with threshold key {@code key}. */
    public Metric metric(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    private static long rejected(List<Window> windows) {
        return windows.stream().mapToLong(Window::rejected).sum();
    }

    private static String describe(RunFolder r) {
        Summary s = r.summary();
        return String.format(Locale.ROOT, "%s, %s, seed %d, %d s%s (%s)", s.kind(), s.scenario(), s.seed(), s.durationSeconds(),
                s.incomplete() ? ", INCOMPLETE" : "", r.dir());
    }

    /** The outcome: whether every threshold held, the thresholds as stated, and each crossing in words. */
    public record Verdict(boolean held, String thresholds, boolean gating, List<String> failures) {
        public Verdict {
            failures = List.copyOf(failures);
        }
    }

}
