package io.headroom.loadgen.loadtest;

import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import java.util.List;

/** An observed run: its summary and timeline (the formats {@code simulate} writes) and how the generator did. */
public record LoadTestResult(Summary summary, List<TimelineRow> timeline, GeneratorReport generator) {
    public LoadTestResult {
        timeline = List.copyOf(timeline);
    }

    public boolean incomplete() {
        return summary.incomplete();
    }
}
