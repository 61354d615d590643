package io.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.Window;
import io.headroom.planner.timeline.WindowCause;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreventionTest {
    private static final Scenario LAUNCH = ReportScenarios.launchSpike("launch");

    /** A window in the 40 rps spike (10:00 to 15:00). */
    private static Window spike(WindowCause cause) {
        return new Window(600, 700, 1000, 30, 64, cause);
    }

    /** A window at the 5 rps base load. */
    private static Window base(WindowCause cause) {
        return new Window(0, 90, 300, 5, 13, cause);
    }

    @Test
    void replicasForThePeakFollowTheDocumentedSizingRuleAtTheProfilesRate() {
        // 40/s × 2 s / 1 / 0.7 = 114.3 → 115, though a Poisson second reached 64.
        assertEquals(40, Prevention.peakRate(spike(WindowCause.SCALE_UP_LAG), LAUNCH));
        assertEquals(115, Prevention.replicasForPeak(spike(WindowCause.SCALE_UP_LAG), LAUNCH));
    }

    @Test
    void windowStraddlingAStepTakesTheHigherRate() {
        assertEquals(40, Prevention.peakRate(new Window(590, 610, 10, 1, 40, WindowCause.SCALE_UP_LAG), LAUNCH));
        assertEquals(5, Prevention.peakRate(base(WindowCause.SCALE_UP_LAG), LAUNCH));
    }

    @Test
    void scaleUpLagSuggestsAWarmPoolWithinMaxReplicas() {
        // 5/s × 2 s / 0.7 = 14.3 → 15; 40/s needs 115, capped at maxReplicas 60.
        assertEquals("a warm pool: minReplicas 15 (now 2) for 5 requests/s, or a lower targetUtilization (now 70 %) so scale-up "
                + "starts sooner", Prevention.of(base(WindowCause.SCALE_UP_LAG), LAUNCH));
        assertEquals("a warm pool: minReplicas 60 (now 2) for 40 requests/s, or a lower targetUtilization (now 70 %) so scale-up "
                + "starts sooner", Prevention.of(spike(WindowCause.SCALE_UP_LAG), LAUNCH));
    }

    @Test
    void replicaCapSuggestsMaxReplicasForThePeak() {
        assertEquals("maxReplicas 115 (now 60) for 40 requests/s", Prevention.of(spike(WindowCause.MAX_REPLICAS), LAUNCH));
        Scenario fixed = LAUNCH.withAutoscaler(new StaticSpec(4));
        assertEquals("replicas 15 (now 4) for 5 requests/s", Prevention.of(base(WindowCause.MAX_REPLICAS), fixed));
    }

    @Test
    void fullClusterCountsTheNodesThePeakNeeds() {
        Service gpu = new Service(LAUNCH.service().serviceTime(), 1, Duration.ofMillis(500), Duration.ofSeconds(60), 0,
                LAUNCH.service().startup(), 0, new Resources(1, 2, 1));
        Scenario sc = new Scenario("gpu", 1, gpu, LAUNCH.autoscaler(),
                Optional.of(new Cluster(List.of(new NodePool("gpu", 3, 6, 56, 1)), Duration.ofMinutes(5))), LAUNCH.traffic(),
                LAUNCH.slo(), LAUNCH.cost(), "test");
        // 5/s × 2 s / 0.7 = 15 replicas, one per GPU node.
        assertEquals("more nodes: 15 replicas need 15 nodes of pool gpu (it has 3, 1 replica per node) for 5 requests/s",
                Prevention.of(base(WindowCause.CLUSTER_FULL), sc));
    }

    @Test
    void startupFailuresPointAtInit() {
        assertEquals("fix init() failures (CrashLoopBackOff): 0 % of new replicas never become ready",
                Prevention.of(base(WindowCause.STARTUP_FAILURES), LAUNCH));
    }

    @Test
    void windowWithoutReplicaDataHasNoGuess() {
        assertEquals("cause unknown (no replica data)", Prevention.of(base(null), LAUNCH));
    }
}
