package io.headroom.loadgen.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.loadgen.loadtest.ArrivalPlan;
import io.headroom.loadgen.loadtest.GeneratorReport;
import io.headroom.loadgen.loadtest.LoadTestResult;
import io.headroom.loadgen.loadtest.ObservedOutputs;
import io.headroom.loadgen.loadtest.ObservedRecorder;
import io.headroom.loadgen.loadtest.ObservedSummary;
import io.headroom.loadgen.loadtest.PlanIdentity;
import io.headroom.loadgen.loadtest.PlanSegment;
import io.headroom.loadgen.loadtest.Stripes;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.timeline.LatencyLog;
import io.headroom.planner.timeline.Slos;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The merge of N segment folders against the recording of the unsplit plan. Each request's outcome
 * and latency are a fixed function of its index in the whole plan (a 503 every 7th, latency
 * 1 ms + 37 µs × (index mod 997)), so the unsplit recorder and the N segment recorders see exactly
 * the same requests: the merged timeline must equal the unsplit one cell for cell, and the merged
 * latency histogram the unsplit per-second histograms added up.
 */
class SegmentMergeTest {
    static final Instant START = Instant.parse("2026-12-01T14:00:00Z");

    @TempDir
    Path dir;

    static Scenario scenario(long seed) {
        Service service = new Service(new ConstantDistribution(Duration.ofMillis(10)), 1, Duration.ofMillis(500), Duration.ofSeconds(60),
                0, new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT);
        return new Scenario("merge", seed, service, new StaticSpec(1), Optional.empty(),
                new Traffic(Duration.ofSeconds(12), ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, 83)))),
                new Slo(OptionalDouble.of(0.2), Optional.empty(), Optional.empty(), Optional.of(Duration.ofMillis(30))), Optional.empty(),
                "test");
    }

    /** Records the requests of {@code part} as a load test would and writes its folder; returns the timeline. */
    static List<TimelineRow> writeSegment(Scenario scenario, PlanSegment part, Path out, String scenarioSha) throws IOException {
        ArrivalPlan whole = ArrivalPlan.of(scenario);
        ArrivalPlan plan = part.whole() ? whole : whole.segment(part);
        Stripes stripes = part.stripes();
        ObservedRecorder recorder = new ObservedRecorder(plan.seconds(), plan.requests(), 120_000_000L);
        int local = 0;
        for (int global = 0; global < whole.requests(); global++) {
            if (stripes.owner(global) != part.index()) {
                continue;
            }
            long due = whole.arrivalNanos(global);
            recorder.sent(due);
            recorder.response(local, due, 1_000_000L, 1_000 + 37L * (global % 997), global % 7 == 0 ? 503 : 200);
            recorder.finished(local, due);
            local++;
        }
        List<TimelineRow> rows = recorder.timeline(plan.seconds());
        var summary = ObservedSummary.of(scenario.name(), scenario.seed(), plan.seconds(), rows, recorder.latencyMicros(),
                (f, l) -> Slos.judge(scenario.slo(), f, l), null, false);
        GeneratorReport g = new GeneratorReport("GET http://127.0.0.1:1/score", plan.requests(), plan.requests(), plan.requests(), 0,
                plan.requests() / 12.0, plan.requests() / 12.0, 0.2, 1.0 + part.index(), 3.0, List.of(), null, part.toString(),
                START.toString(), 0.5 * part.index());
        ObservedOutputs.write(new LoadTestResult(summary, rows, g), recorder.perSecondLatencyMicros(), START.toEpochMilli(), out);
        PlanIdentity id = new PlanIdentity(scenario.name(), scenarioSha, scenario.seed(), plan.sha256(), whole.requests(), plan.seconds(),
                part.index(), part.count(), plan.requests(), START.toString(), START.toEpochMilli(), null, null);
        Files.writeString(out.resolve(PlanIdentity.FILE), SummaryJson.toJson(id));
        return rows;
    }

    List<Path> segments(Scenario scenario, int n) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path d = dir.resolve("s" + i + "of" + n + "-seed" + scenario.seed());
            writeSegment(scenario, new PlanSegment(i, n), d, "f00d".repeat(16));
            dirs.add(d);
        }
        return dirs;
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void theMergeOfTheSegmentsIsTheUnsplitRunCellForCell(int n) throws IOException {
        Scenario scenario = scenario(9);
        List<TimelineRow> unsplit = writeSegment(scenario, PlanSegment.WHOLE, dir.resolve("unsplit"), "f00d".repeat(16));
        SegmentMerge.Merged merged = SegmentMerge.merge(segments(scenario, n));
        MergedOutputs.write(merged, dir.resolve("merged"));
        List<TimelineRow> rows = TimelineCsv.read(dir.resolve("merged/timeline.csv"));
        assertEquals(unsplit.size(), rows.size());
        ArrivalPlan plan = ArrivalPlan.of(scenario);
        for (int s = 0; s < rows.size(); s++) {
            assertEquals(plan.requestsIn(s), rows.get(s).arrivals(), "merged arrivals of second " + s + " are the plan's");
            assertEquals(unsplit.get(s), rows.get(s), "second " + s);
        }
        var summary = SummaryJson.readObserved(dir.resolve("merged/summary.json"));
        var single = SummaryJson.readObserved(dir.resolve("unsplit/summary.json"));
        assertEquals(single.requests(), summary.requests());
        assertEquals(single.rejected503(), summary.rejected503());
        assertEquals(single.slo().size(), summary.slo().size(), "judged against the same SLOs");
        assertEquals(single.sloMet(), summary.sloMet());
        LatencyLog.Read log = LatencyLog.read(dir.resolve("merged/latency.hlog"));
        LatencyLog.Read unsplitLog = LatencyLog.read(dir.resolve("unsplit/latency.hlog"));
        assertEquals(START.toEpochMilli(), log.startEpochMillis());
        assertEquals(unsplitLog.total(120_000_000L), log.total(120_000_000L), "the merged histogram is the unsplit one");
        assertEquals(summary.latencyMs().p99(), io.headroom.planner.timeline.LatencySummary.of(unsplitLog.total(120_000_000L)).p99());
        assertEquals(n, merged.report().injectors().size());
        assertEquals(0.5 * (n - 1), merged.report().startSkewSpreadMs(), 1e-9);
        assertEquals(1.0 + (n - 1), merged.result().generator().startLagP99Ms(), 1e-9, "the worst injector's lag");
        var identity = SummaryJson.MAPPER.readTree(dir.resolve("merged/plan.json").toFile());
        assertEquals(plan.sha256(), identity.get("planSha256").asText());
        assertEquals(1, identity.get("segmentCount").asInt(), "a merged run is the whole plan");
    }

    @Test
    void aMissingSegmentIsNamed() throws IOException {
        List<Path> dirs = segments(scenario(9), 4);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SegmentMerge.merge(List.of(dirs.get(0), dirs.get(1),
                dirs.get(3))));
        assertTrue(e.getMessage().startsWith("a merge needs all 4 segments of the plan but 1 are missing: 2/4 (given: 0/4, 1/4, 3/4)"),
                e.getMessage());
    }

    @Test
    void aSegmentGivenTwiceIsNamed() throws IOException {
        List<Path> dirs = segments(scenario(9), 2);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SegmentMerge.merge(List.of(dirs.get(0), dirs.get(1),
                dirs.get(1))));
        assertTrue(e.getMessage().contains("are both segment 1/2"), e.getMessage());
        assertTrue(e.getMessage().matches(".*plan\\.json:\\d+:\\d+\\)$"), "located: " + e.getMessage());
    }

    @Test
    void segmentsOfAnotherSeedOrAnotherNAreRefused() throws IOException {
        List<Path> nine = segments(scenario(9), 2);
        List<Path> ten = segments(scenario(10), 2);
        InvalidInputException seed = assertThrows(InvalidInputException.class, () -> SegmentMerge.merge(List.of(nine.get(0), ten.get(1))));
        assertTrue(seed.getMessage().startsWith("every segment must have run with the same seed as"), seed.getMessage());
        assertTrue(seed.getMessage().contains("but was 10 ("), seed.getMessage());
        List<Path> three = segments(scenario(9), 3);
        InvalidInputException n = assertThrows(InvalidInputException.class, () -> SegmentMerge.merge(List.of(nine.get(0), three.get(1))));
        assertTrue(n.getMessage().startsWith("every segment must split the plan into the same N as"), n.getMessage());
    }

    @Test
    void anotherScenarioFileOrAnotherPlanIsRefused() throws IOException {
        List<Path> dirs = segments(scenario(9), 2);
        Path other = dir.resolve("other");
        writeSegment(scenario(9), new PlanSegment(1, 2), other, "beef".repeat(16));
        InvalidInputException file = assertThrows(InvalidInputException.class, () -> SegmentMerge.merge(List.of(dirs.get(0), other)));
        assertTrue(file.getMessage().startsWith("every segment must have run the same scenario file as"), file.getMessage());
        Path plan = dirs.get(1).resolve(PlanIdentity.FILE);
        Files.writeString(plan, Files.readString(plan).replaceAll("\"planSha256\" : \"[0-9a-f]{4}", "\"planSha256\" : \"0000"));
        InvalidInputException digest = assertThrows(InvalidInputException.class, () -> SegmentMerge.merge(dirs));
        assertTrue(digest.getMessage().startsWith("every segment must be cut from the same arrival plan"), digest.getMessage());
    }

    @Test
    void aFolderThatIsNotASegmentSaysWhatIsMissing() throws IOException {
        List<Path> dirs = segments(scenario(9), 2);
        Files.delete(dirs.get(1).resolve(PlanIdentity.FILE));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SegmentMerge.merge(dirs));
        assertTrue(e.getMessage().endsWith("has no plan.json"), e.getMessage());
        Files.writeString(dirs.get(1).resolve(PlanIdentity.FILE), "{\"scenario\": \"x\",\n \"planSha256\": 12}");
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> SegmentMerge.merge(dirs));
        assertTrue(bad.getMessage().equals("planSha256 must be a string but was 12 (" + dirs.get(1).resolve("plan.json") + ":2:16)"),
                bad.getMessage());
    }
}
