package io.headroom.loadgen.merge;

import io.headroom.loadgen.loadtest.ObservedOutputs;
import io.headroom.loadgen.loadtest.PlanIdentity;
import io.headroom.planner.timeline.SummaryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a merged run as one observed run — timeline.csv, summary.json, windows.csv, loadtest.json,
 * latency.hlog, plan.json (the whole plan, segment 0/1) — plus merge.json with each injector's
 * health. {@code report --observed}, {@code validate --observed} and {@code compare} read it like a
 * single load test's output.
 */
public final class MergedOutputs {
    private MergedOutputs() {
    }

    public static void write(SegmentMerge.Merged merged, Path dir) throws IOException {
        ObservedOutputs.write(merged.result(), merged.perSecondMicros(), merged.logStartEpochMillis(), dir);
        Files.writeString(dir.resolve(PlanIdentity.FILE), SummaryJson.toJson(merged.plan()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("merge.json"), SummaryJson.toJson(merged.report()), StandardCharsets.UTF_8);
    }
}
