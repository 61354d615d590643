package io.headroom.loadgen.loadtest;

import io.headroom.planner.timeline.LatencySummary;
import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.SloVerdict;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Totals;
import io.headroom.planner.timeline.Windows;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.HdrHistogram.Histogram;

/**
 * The summary of an observed run from its timeline and latency histogram: one rule for a load test
 * and for the merge of a load test's segments. Replica-hours are the sum of (ready + starting) over
 * the seconds whose replica columns are known, / 3600; null when none is.
 */
public final class ObservedSummary {
    private ObservedSummary() {
    }

    /**
     * @param judge the SLO verdicts for a 503 fraction and latency percentiles
     * @param costPerReplicaHour the scenario's cost rate, or null
     */
    public static Summary of(String scenario, long seed, int seconds, List<TimelineRow> rows, Histogram latencyMicros,
            BiFunction<Double, LatencySummary, List<SloVerdict>> judge, Double costPerReplicaHour, boolean incomplete) {
        return of(scenario, seed, seconds, rows, latencyMicros, judge, timeline -> List.of(), costPerReplicaHour, incomplete);
    }

    /**
     * As above, with the latency windows of the timeline ({@link io.headroom.planner.timeline.LatencyWindows}'s rule for the
     * scenario).
     */
    public static Summary of(String scenario, long seed, int seconds, List<TimelineRow> rows, Histogram latencyMicros,
            BiFunction<Double, LatencySummary, List<SloVerdict>> judge,
            java.util.function.Function<List<TimelineRow>, List<io.headroom.planner.timeline.LatencyWindow>> latencyWindows,
            Double costPerReplicaHour, boolean incomplete) {
        Totals totals = Totals.of(rows);
        LatencySummary latency = LatencySummary.of(latencyMicros);
        List<SloVerdict> verdicts = judge.apply(totals.rejected503Fraction(), latency);
        List<ReplicaSample> samples = rows.stream().map(TimelineRow::replicas).filter(Objects::nonNull).toList();
        Double replicaHours = samples.isEmpty() ? null : samples.stream().mapToDouble(s -> s.ready() + s.starting()).sum() / 3600;
        Integer peakReady = samples.isEmpty() ? null : samples.stream().mapToInt(ReplicaSample::ready).max().orElse(0);
        Double cost = replicaHours == null || costPerReplicaHour == null ? null : costPerReplicaHour * replicaHours;
        return new Summary(scenario, "observed", null, seed, seconds, totals, null, null, latency, replicaHours, cost, peakReady,
                verdicts, Windows.find(rows, Windows.DEFAULT_MERGE_GAP_SECONDS), latencyWindows.apply(rows), List.of(), incomplete);
    }
}
