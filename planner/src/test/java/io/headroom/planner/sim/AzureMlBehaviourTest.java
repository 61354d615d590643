package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Window;
import io.headroom.planner.timeline.WindowCause;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The azureml policy inside the simulator: a step it cannot absorb gives a 503 window that starts at
 * the step and ends about one startup delay later; the replica cap
 * and an unschedulable cluster and crash-looping replicas each name their window's cause.
 */
class AzureMlBehaviourTest {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    /** 1 s constant service, 500 ms queue limit, 30 s startup. */
    private static Service service(double startupFailureRate, Resources resources) {
        return new Service(new ConstantDistribution(Duration.ofSeconds(1)), 1, Duration.ofMillis(500), Duration.ofSeconds(60), 0,
                new ConstantDistribution(STARTUP), startupFailureRate, resources);
    }

    private static SimulationResult stepTo30Rps(int min, int max, double target) {
        Scenario s = TestScenarios.scenario("step", 3, service(0, Resources.DEFAULT), TestScenarios.azureml(min, max, target),
                Optional.empty(), TestScenarios.steps(Duration.ofMinutes(5), new double[][] {{0, 5}, {120, 30}}));
        return Simulator.run(s);
    }

    @Test
    void aStepAboveCapacityGivesOneWindowFromTheStepToAboutOneStartupLater() {
        // 10 warm replicas hold 5 rps; at 120 s the rate jumps to 30 rps. At the first evaluation
        // (121 s) in-flight is about 10 busy + 15 queued, so desired = ceil(25 / 0.5) = 50, ready at
        // about 151 s: from then 30 rps use 30 of 50 slots and nothing is rejected.
        SimulationResult r = stepTo30Rps(10, 100, 0.5);
        List<Window> windows = r.summary().windows();
        assertEquals(1, windows.size(), () -> "windows: " + windows);
        Window w = windows.get(0);
        assertTrue(w.startSecond() >= 120 && w.startSecond() <= 121, () -> "starts at the step: " + w);
        assertTrue(w.endSecond() >= 120 + 30 - 1 && w.endSecond() <= 120 + 30 + 4, () -> "ends one startup later: " + w);
        assertEquals(WindowCause.SCALE_UP_LAG, w.cause());
    }

    @Test
    void theReplicaCapLimitsScaleUpAndNamesTheCause() {
        SimulationResult r = stepTo30Rps(2, 10, 0.7);
        assertTrue(r.timeline().stream().allMatch(row -> row.replicas().desired() <= 10), "desired never above max");
        Window w = r.summary().windows().stream().max((a, b) -> Long.compare(a.rejected(), b.rejected())).orElseThrow();
        assertEquals(WindowCause.MAX_REPLICAS, w.cause(), () -> "largest window: " + w);
        // 30 rps against 10 slots of 1 s each: about two thirds rejected from the step on.
        double rejectedAfterStep = r.timeline().subList(160, 300).stream().mapToLong(TimelineRow::rejected503).sum()
                / (double) r.timeline().subList(160, 300).stream().mapToLong(TimelineRow::arrivals).sum();
        assertEquals(2.0 / 3, rejectedAfterStep, 0.05);
    }

    @Test
    void aCapThatIsNotReachedByReadyReplicasIsNotTheCause() {
        // 5 -> 80 rps of 150 ms requests, 8 s startup, maxReplicas 30 (the rule needs ceil(80 x 0.15 / 0.7) = 18): the
        // first decision asks for the cap, but the 503s come while 25 replicas are still starting: scale-up lag.
        Service service = new Service(new ConstantDistribution(Duration.ofMillis(150)), 1, Duration.ofMillis(500),
                Duration.ofSeconds(60), 0, new ConstantDistribution(Duration.ofSeconds(8)), 0, Resources.DEFAULT);
        Scenario s = TestScenarios.scenario("step", 4, service, TestScenarios.azureml(5, 30, 0.7), Optional.empty(),
                TestScenarios.steps(Duration.ofMinutes(3), new double[][] {{0, 5}, {60, 80}}));
        SimulationResult r = Simulator.run(s);
        List<Window> windows = r.summary().windows();
        assertTrue(!windows.isEmpty(), "the step outruns the startup");
        for (Window w : windows) {
            assertEquals(WindowCause.SCALE_UP_LAG, w.cause(), () -> "window " + w);
        }
    }

    @Test
    void replicasThatFindNoNodeStayPendingAndAreReported() {
        // 3 GPU nodes, one GPU per replica: at most 3 replicas, far fewer than 30 rps needs.
        Scenario s = TestScenarios.scenario("gpu", 11, service(0, new Resources(1, 2, 1)), TestScenarios.azureml(1, 10, 0.7),
                TestScenarios.gpuCluster(3), TestScenarios.steps(Duration.ofMinutes(10), new double[][] {{0, 1}, {60, 30}}));
        SimulationResult r = Simulator.run(s);
        assertTrue(r.timeline().stream().allMatch(row -> row.replicas().ready() + row.replicas().starting() <= 3),
                "never more than 3 replicas placed");
        assertTrue(r.timeline().get(200).replicas().pending() > 0, "the rest stay pending");
        Window w = r.summary().windows().stream().max((a, b) -> Long.compare(a.rejected(), b.rejected())).orElseThrow();
        assertEquals(WindowCause.CLUSTER_FULL, w.cause());
        int firstPending = r.timeline().stream().filter(row -> row.replicas().pending() > 0).findFirst().orElseThrow().second();
        var failed = r.summary().events().stream().filter(e -> e.reason().equals("FailedScheduling")).findFirst().orElseThrow();
        assertTrue(failed.second() >= firstPending + 300 - 1 && failed.second() <= firstPending + 300 + 2,
                "reported 5 minutes after replicas went pending at " + firstPending + ": " + failed);
        assertTrue(failed.message().contains("Couldn't Schedule"), failed.message());
    }

    @Test
    void crashLoopingReplicasNeverBecomeReadyAndNameTheCause() {
        Scenario s = TestScenarios.scenario("crash", 13, service(1.0, Resources.DEFAULT), TestScenarios.azureml(2, 20, 0.7),
                Optional.empty(), TestScenarios.steps(Duration.ofMinutes(4), new double[][] {{0, 1}, {60, 10}}));
        SimulationResult r = Simulator.run(s);
        assertTrue(r.timeline().stream().allMatch(row -> row.replicas().ready() == 2), "only the initial replicas are ever ready");
        Window w = r.summary().windows().stream().max((a, b) -> Long.compare(a.rejected(), b.rejected())).orElseThrow();
        assertEquals(WindowCause.STARTUP_FAILURES, w.cause());
        assertFalse(r.summary().events().isEmpty());
    }
}
