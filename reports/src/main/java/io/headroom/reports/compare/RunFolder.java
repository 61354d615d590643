package io.headroom.reports.compare;

import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.timeline.JsonFields;
import io.headroom.planner.timeline.LatencyLog;
import io.headroom.planner.timeline.LatencySummary;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run's output folder, for {@code compare}: what {@code simulate --out}, {@code loadtest},
 * {@code validate} (its {@code observed/}) or {@code merge} wrote. Its latency percentiles come
 * from {@code latency.hlog} when there is one — the per-second histograms added up, never an
 * average of percentiles — else from {@code summary.json} (a prediction's, read from the
 * simulator's own histogram).
 *
 * @param dir the folder read (validate's observed/ when given validate's folder)
 * @param summary its summary.json
 * @param latencyMs its latency percentiles
 * @param latencySource {@code latency.hlog} or {@code summary.json}
 * @param planSha256 the arrival plan's digest from plan.json, or null (a prediction, or an older load test)
 */
public record RunFolder(Path dir, Summary summary, LatencySummary latencyMs, String latencySource, String planSha256) {
    /** The highest latency a log's sum tracks before it resizes: 1 h in microseconds. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    public static RunFolder read(Path given, String role) {
        Path dir = Files.isRegularFile(given.resolve("observed").resolve("summary.json")) ? given.resolve("observed") : given;
        if (!Files.isRegularFile(dir.resolve("summary.json"))) {
            throw new InvalidInputException(role + " must be the --out folder of simulate, loadtest, validate or merge (one with"
                    + " summary.json) but was " + Excerpt.quoted(given.toString()));
        }
        Summary summary = SummaryJson.readAny(dir.resolve("summary.json"));
        LatencySummary latency = summary.latencyMs();
        String source = "summary.json";
        if (Files.isRegularFile(dir.resolve("latency.hlog"))) {
            latency = LatencySummary.of(LatencyLog.read(dir.resolve("latency.hlog")).total(HIGHEST_MICROS));
            source = "latency.hlog";
        }
        String plan = null;
        if (Files.isRegularFile(dir.resolve("plan.json"))) {
            plan = JsonFields.read(dir.resolve("plan.json"), "a plan.json").text("planSha256");
        }
        return new RunFolder(dir, summary, latency, source, plan);
    }
}
