package io.headroom.loadgen.merge;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.loadgen.loadtest.GeneratorReport;
import io.headroom.loadgen.loadtest.GeneratorReportJson;
import io.headroom.loadgen.loadtest.PlanIdentity;
import io.headroom.loadgen.loadtest.PlanSegment;
import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.timeline.JsonFields;
import io.headroom.planner.timeline.LatencyLog;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.TimelineRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One injector's output folder as {@code loadtest --segment} wrote it, read back and validated:
 * plan.json, loadtest.json, summary.json, timeline.csv and latency.hlog. Every problem is one
 * {@link InvalidInputException} naming {@code file:line:column}, the rule and the value.
 *
 * @param plan which plan and segment it ran
 * @param planFields plan.json's fields, for errors located at a key
 */
record SegmentFolder(Path dir, PlanIdentity plan, JsonFields planFields, GeneratorReport generator, Summary summary,
        List<TimelineRow> timeline, LatencyLog.Read latency) {
    static final int MAX_SECONDS = 28 * 24 * 3600;

    static SegmentFolder read(Path dir) {
        for (String name : List.of(PlanIdentity.FILE, "loadtest.json", "summary.json", "timeline.csv", "latency.hlog")) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new InvalidInputException("a segment folder must hold what 'headroom loadtest' writes (plan.json, loadtest.json,"
                        + " summary.json, timeline.csv, latency.hlog) but " + Excerpt.quoted(dir.toString()) + " has no " + name);
            }
        }
        JsonFields p = JsonFields.read(dir.resolve(PlanIdentity.FILE), "a plan.json");
        PlanIdentity plan = plan(p);
        GeneratorReport generator = GeneratorReportJson.read(dir.resolve("loadtest.json"));
        Summary summary = SummaryJson.readObserved(dir.resolve("summary.json"));
        List<TimelineRow> rows = TimelineCsv.read(dir.resolve("timeline.csv"));
        if (rows.size() > plan.seconds()) {
            throw new InvalidInputException("a segment's timeline must have at most the plan's " + plan.seconds() + " seconds but had "
                    + rows.size() + " (" + dir.resolve("timeline.csv") + ":" + (plan.seconds() + 2) + ":1)");
        }
        LatencyLog.Read latency = LatencyLog.read(dir.resolve("latency.hlog"));
        if (latency.seconds() > plan.seconds()) {
            throw new InvalidInputException("a segment's latency.hlog must have intervals only in the plan's " + plan.seconds()
                    + " seconds but had one in second " + (latency.seconds() - 1) + " (" + dir.resolve("latency.hlog")
                    + ")");
        }
        return new SegmentFolder(dir, plan, p, generator, summary, rows, latency);
    }

    PlanSegment segment() {
        return new PlanSegment(plan.segmentIndex(), plan.segmentCount());
    }

    private static PlanIdentity plan(JsonFields p) {
        String digest = p.text("planSha256");
        if (!digest.matches("[0-9a-f]{64}")) {
            throw p.error("planSha256", "planSha256 must be 64 lowercase hex digits (a SHA-256)");
        }
        String scenarioDigest = p.optionalText("scenarioSha256");
        if (scenarioDigest != null && !scenarioDigest.matches("[0-9a-f]{64}")) {
            throw p.error("scenarioSha256", "scenarioSha256 must be 64 lowercase hex digits (a SHA-256) or null");
        }
        JsonNode seed = p.required("seed");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw p.error("seed", "seed must be a whole number");
        }
        int count = (int) p.count("segmentCount", 1, PlanSegment.MAX_COUNT);
        int index = (int) p.count("segmentIndex", 0, count - 1);
        return new PlanIdentity(p.text("scenario"), scenarioDigest, seed.asLong(), digest, p.count("planRequests"),
                (int) p.count("seconds", 1, MAX_SECONDS), index, count, p.count("segmentRequests"), p.optionalText("startAt"),
                p.count("startEpochMillis"), p.optionalNumber("costPerReplicaHour"), p.optionalNumber("latencyWindowP99Ms"));
    }
}
