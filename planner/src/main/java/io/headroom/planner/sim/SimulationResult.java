package io.headroom.planner.sim;

import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import java.util.List;

/** One simulated run: its summary and its per-second timeline. */
public record SimulationResult(Summary summary, List<TimelineRow> timeline) {
    public SimulationResult {
        timeline = List.copyOf(timeline);
    }
}
