package io.headroom.reports;

import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.reports.compare.Comparison;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A load test's result: its summary and per-second timeline (read from summary.json and timeline.csv),
 * and, when {@code validate} wrote the report, its comparison with the prediction (the verdict against
 * the thresholds, each window's onset and end error).
 */
public record ObservedRun(Summary summary, List<TimelineRow> timeline, Optional<Comparison> comparison) {
    public ObservedRun {
        Objects.requireNonNull(summary, "summary");
        timeline = List.copyOf(timeline);
        Objects.requireNonNull(comparison, "comparison");
    }

    /** An observed run without a comparison (a plain load test's output). */
    public ObservedRun(Summary summary, List<TimelineRow> timeline) {
        this(summary, timeline, Optional.empty());
    }

    /** The same run with the comparison {@code validate} computed. */
    public ObservedRun withComparison(Comparison c) {
        return new ObservedRun(summary, timeline, Optional.of(c));
    }
}
