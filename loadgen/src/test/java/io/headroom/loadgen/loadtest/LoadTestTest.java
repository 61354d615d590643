package io.headroom.loadgen.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A real Gatling run against a loopback stub: every request is replayed on plan and recorded once. */
class LoadTestTest {
    static Scenario scenario(double rps, Duration length) {
        Service service = new Service(new ConstantDistribution(Duration.ofMillis(10)), 1, Duration.ofMillis(500), Duration.ofSeconds(60),
                0, new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT);
        return new Scenario("stub", 5, service, new StaticSpec(1), Optional.empty(),
                new Traffic(length, ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, rps)))),
                Slo.NONE, Optional.empty(), "test");
    }

    @Test
    void replaysThePlanAndRecordsEveryRequestOnce() throws Exception {
        Scenario scenario = scenario(50, Duration.ofSeconds(8));
        ArrivalPlan plan = ArrivalPlan.of(scenario);
        try (StubEndpoint stub = new StubEndpoint(5, 10)) {
            LoadTest test = new LoadTest(scenario, new LoadTestRequest(URI.create(stub.url()), "GET", null, Map.of()));
            LoadTestResult result = test.run(Progress.NONE);
            List<TimelineRow> rows = result.timeline();
            assertEquals(plan.seconds(), rows.size());
            for (TimelineRow row : rows) {
                assertEquals(plan.requestsIn(row.second()), row.arrivals(), "requests sent in second " + row.second());
            }
            assertEquals(plan.requests(), result.summary().requests());
            assertEquals(stub.ok.get(), result.summary().ok(), "every 200 the stub sent was recorded");
            assertEquals(stub.rejected.get(), result.summary().rejected503(), "every 503 the stub sent was recorded");
            assertEquals(0, result.generator().noResponses());
            assertFalse(result.incomplete());
            System.out.println("generator: " + result.generator());
            assertTrue(result.summary().latencyMs().p50() >= 10, "latency includes the stub's 10 ms");
        }
    }

    @Test
    void aTargetThatDiesMidRunLeavesAReadableIncompleteResult(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Scenario scenario = scenario(50, Duration.ofSeconds(30));
        StubEndpoint stub = new StubEndpoint(1000, 5, 100);
        try {
            LoadTest test = new LoadTest(scenario, new LoadTestRequest(URI.create(stub.url()), "GET", null, Map.of()));
            LoadTestResult result = test.run(Progress.NONE);
            int secondsRecorded = result.timeline().size();
            assertTrue(result.incomplete(), "marked incomplete");
            assertTrue(result.generator().stopReason().contains("stopped answering"), result.generator().stopReason());
            assertTrue(result.generator().noResponses() > 0, "requests without a response are counted");
            assertTrue(result.summary().ok() > 0, "what was answered before the target died is kept");
            assertTrue(secondsRecorded < 30, "stopped early instead of running all 30 s: " + secondsRecorded + " s recorded");
            ObservedOutputs.write(test, result, dir);
            var summary = io.headroom.planner.timeline.SummaryJson.read(dir.resolve("summary.json"));
            assertTrue(summary.incomplete());
            assertEquals(result.timeline().size(), io.headroom.planner.timeline.TimelineCsv.read(dir.resolve("timeline.csv")).size());
            assertTrue(java.nio.file.Files.size(dir.resolve("latency.hlog")) > 0);
        } finally {
            stub.close();
        }
    }

    @Test
    void aTargetThatNeverAnswersIsStoppedAtTheHardDeadlineWithPartialResults() throws Exception {
        Scenario scenario = scenario(20, Duration.ofSeconds(2));
        List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 100, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "silent-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            LoadTest test = new LoadTest(scenario, new LoadTestRequest(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/score"),
                    "GET", null, Map.of()), LoadTest.DEFAULT_GRACE, Duration.ofSeconds(6));
            long start = System.nanoTime();
            LoadTestResult result = test.run(Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(result.incomplete(), "marked incomplete");
            assertTrue(result.generator().stopReason().startsWith("hard deadline"), result.generator().stopReason());
            assertTrue(result.summary().incomplete());
            assertTrue(seconds < 60, "returned at its deadline, not at the request timeout or never: " + seconds + " s");
        } finally {
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void theHardDeadlineIsTheTrafficPlusTheRequestTimeoutPlusTheGrace() {
        Scenario scenario = scenario(20, Duration.ofSeconds(30));
        LoadTest test = new LoadTest(scenario, new LoadTestRequest(URI.create("http://127.0.0.1:1/score"), "GET", null, Map.of()));
        assertEquals(Duration.ofSeconds(30 + 70 + 30), test.deadline());
    }
}
