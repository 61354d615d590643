package io.headroom.loadgen.loadtest;

import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.WindowsCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes an observed run in the formats {@code simulate} uses — {@code timeline.csv},
 * {@code summary.json}, {@code windows.csv} — plus {@code latency.hlog} (one HdrHistogram interval
 * per second, so runs can be merged or compared later) and {@code loadtest.json} (how the
 * generator did). Header values are never written.
 */
public final class ObservedOutputs {
    private ObservedOutputs() {
    }

    public static void write(LoadTestResult result, List<AbstractHistogram> perSecondLatencyMicros, Path dir) throws IOException {
        Files.createDirectories(dir);
        TimelineCsv.write(result.timeline(), dir.resolve("timeline.csv"));
        SummaryJson.write(result.summary(), dir.resolve("summary.json"));
        WindowsCsv.write(result.summary().windows(), dir.resolve("windows.csv"));
        Files.writeString(dir.resolve("loadtest.json"), SummaryJson.toJson(result.generator()), StandardCharsets.UTF_8);
        try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("latency.hlog")), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputComment("headroom load test: latency in microseconds of answered, non-503 requests, one interval per"
                    + " second of sending; " + result.summary().scenario());
            log.outputLogFormatVersion();
            log.outputStartTime(0);
            log.setBaseTime(0);
            log.outputLegend();
            for (int s = 0; s < Math.min(result.timeline().size(), perSecondLatencyMicros.size()); s++) {
                AbstractHistogram h = perSecondLatencyMicros.get(s);
                if (h != null) {
                    h.setStartTimeStamp(s * 1000L);
                    h.setEndTimeStamp((s + 1) * 1000L);
                    log.outputIntervalHistogram(h);
                }
            }
        }
    }

    /** Writes {@code test}'s results so far. */
    public static void write(LoadTest test, LoadTestResult result, Path dir) throws IOException {
        write(result, test.perSecondLatencyMicros(), dir);
    }
}
