package io.headroom.loadgen.loadtest;

import io.headroom.planner.timeline.LatencyLog;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.WindowsCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;

/**
 * Writes an observed run in the formats {@code simulate} uses — {@code timeline.csv},
 * {@code summary.json}, {@code windows.csv} — plus {@code latency.hlog} (one HdrHistogram interval
 * per second, so runs can be merged or compared later) and {@code loadtest.json} (how the
 * generator did) and {@code plan.json} (which plan and segment it ran). Header values are never written.
 */
public final class ObservedOutputs {
    private ObservedOutputs() {
    }

    /** Writes {@code test}'s results so far, with its {@code plan.json}. */
    public static void write(LoadTest test, LoadTestResult result, Path dir) throws IOException {
        write(result, test.perSecondLatencyMicros(), test.logStartEpochMillis(), dir);
        Files.writeString(dir.resolve(PlanIdentity.FILE), SummaryJson.toJson(test.identity(test.injection().scenarioSha256())),
                StandardCharsets.UTF_8);
    }

    /**
     * Writes an observed run (a load test's or a merge's): timeline, summary, windows, generator
     * report and the latency log whose intervals count from {@code logStartEpochMillis}.
     */
    public static void write(LoadTestResult result, List<? extends AbstractHistogram> perSecondLatencyMicros, long logStartEpochMillis,
            Path dir) throws IOException {
        Files.createDirectories(dir);
        TimelineCsv.write(result.timeline(), dir.resolve("timeline.csv"));
        SummaryJson.write(result.summary(), dir.resolve("summary.json"));
        WindowsCsv.write(result.summary().windows(), dir.resolve("windows.csv"));
        Files.writeString(dir.resolve("loadtest.json"), SummaryJson.toJson(result.generator()), StandardCharsets.UTF_8);
        LatencyLog.write(dir.resolve("latency.hlog"), perSecondLatencyMicros, result.timeline().size(), logStartEpochMillis,
                "headroom load test: " + result.summary().scenario());
    }
}
