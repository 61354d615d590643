package io.headroom.loadgen.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.timeline.LatencyLog;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineRow;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Gatling run of one segment with a shared start: it sends exactly its share of the plan,
 * per intended second, and its outputs say which plan, which segment and when second 0 was.
 */
class SegmentedLoadTestTest {
    @TempDir
    Path dir;

    @Test
    void aSegmentSendsItsShareOfEachSecondAndRecordsItsPlanAndStart() throws Exception {
        Scenario scenario = LoadTestTest.scenario(60, Duration.ofSeconds(4));
        ArrivalPlan whole = ArrivalPlan.of(scenario);
        PlanSegment part = new PlanSegment(1, 3);
        ArrivalPlan mine = whole.segment(part);
        Instant startAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        try (StubEndpoint stub = new StubEndpoint(1000, 2)) {
            LoadTest test = new LoadTest(scenario, new LoadTestRequest(URI.create(stub.url()), "GET", null, Map.of()),
                    new Injection(part, startAt, "abc"));
            LoadTestResult result = test.run(Progress.NONE);
            for (TimelineRow row : result.timeline()) {
                assertEquals(mine.requestsIn(row.second()), row.arrivals(), "segment's requests due in second " + row.second());
            }
            assertEquals(mine.requests(), result.summary().requests());
            GeneratorReport g = result.generator();
            assertEquals("1/3", g.segment());
            assertEquals(startAt.toString(), g.startAt());
            assertNotNull(g.startSkewMs(), "the skew is measured");
            assertTrue(g.startSkewMs() >= 0, "second 0 is never before the shared start");
            System.out.println("start skew " + g.startSkewMs() + " ms, lag p99 " + g.startLagP99Ms() + " ms");
            ObservedOutputs.write(test, result, dir);
        }
        JsonNode plan = SummaryJson.MAPPER.readTree(Files.readString(dir.resolve("plan.json")));
        assertEquals(whole.sha256(), plan.get("planSha256").asText());
        assertEquals(whole.requests(), plan.get("planRequests").asLong());
        assertEquals(mine.requests(), plan.get("segmentRequests").asLong());
        assertEquals(1, plan.get("segmentIndex").asInt());
        assertEquals(3, plan.get("segmentCount").asInt());
        assertEquals("abc", plan.get("scenarioSha256").asText());
        LatencyLog.Read log = LatencyLog.read(dir.resolve("latency.hlog"));
        assertEquals(startAt.toEpochMilli(), log.startEpochMillis(), "the log counts from the shared start");
        assertEquals(SummaryJson.read(dir.resolve("summary.json")).ok(), log.total(120_000_000L).getTotalCount(),
                "every answered request is in one second's histogram");
    }
}
