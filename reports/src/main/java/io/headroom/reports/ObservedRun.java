package io.headroom.reports;

import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import java.util.List;
import java.util.Objects;

/** A load test's result: its summary and per-second timeline (read from summary.json and timeline.csv). */
public record ObservedRun(Summary summary, List<TimelineRow> timeline) {
    public ObservedRun {
        Objects.requireNonNull(summary, "summary");
        timeline = List.copyOf(timeline);
    }
}
