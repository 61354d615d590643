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

    private static Window window(long peakArrivals, WindowCause cause) {
        return new Window(600, 700, 1000, 30, peakArrivals, cause);
    }

    @Test
    void replicasForThePeakFollowTheDocumentedSizingRule() {
        // 40/s × 2 s / 1 / 0.7 = 114.3 → 115.
        assertEquals(115, Prevention.replicasForPeak(window(40, WindowCause.SCALE_UP_LAG), LAUNCH));
    }

    @Test
    void scaleUpLagSuggestsAWarmPoolWithinMaxReplicas() {
        // 3/s × 2 s / 0.7 = 8.6 → 9; 40/s needs 115, capped at maxReplicas 60.
        assertEquals("a warm pool: minReplicas 9 (now 2), or a lower targetUtilization (now 70 %) so scale-up starts sooner",
                Prevention.of(window(3, WindowCause.SCALE_UP_LAG), LAUNCH));
        assertEquals("a warm pool: minReplicas 60 (now 2), or a lower targetUtilization (now 70 %) so scale-up starts sooner",
                Prevention.of(window(40, WindowCause.SCALE_UP_LAG), LAUNCH));
    }

    @Test
    void replicaCapSuggestsMaxReplicasForThePeak() {
        assertEquals("maxReplicas 115 (now 60)", Prevention.of(window(40, WindowCause.MAX_REPLICAS), LAUNCH));
        Scenario fixed = LAUNCH.withAutoscaler(new StaticSpec(4));
        assertEquals("replicas 5 (now 4)", Prevention.of(window(1, WindowCause.MAX_REPLICAS), fixed));
    }

    @Test
    void fullClusterCountsTheNodesThePeakNeeds() {
        Service gpu = new Service(LAUNCH.service().serviceTime(), 1, Duration.ofMillis(500), Duration.ofSeconds(60), 0,
                LAUNCH.service().startup(), 0, new Resources(1, 2, 1));
        Scenario sc = new Scenario("gpu", 1, gpu, LAUNCH.autoscaler(),
                Optional.of(new Cluster(List.of(new NodePool("gpu", 3, 6, 56, 1)), Duration.ofMinutes(5))), LAUNCH.traffic(),
                LAUNCH.slo(), LAUNCH.cost(), "test");
        // 7/s × 2 s / 0.7 = 20 replicas, one per GPU node.
        assertEquals("more nodes: 20 replicas need 20 nodes of pool gpu (it has 3, 1 replica per node)",
                Prevention.of(window(7, WindowCause.CLUSTER_FULL), sc));
    }

    @Test
    void startupFailuresPointAtInit() {
        assertEquals("fix init() failures (CrashLoopBackOff): 0 % of new replicas never become ready",
                Prevention.of(window(7, WindowCause.STARTUP_FAILURES), LAUNCH));
    }

    @Test
    void windowWithoutReplicaDataHasNoGuess() {
        assertEquals("cause unknown (no replica data)", Prevention.of(window(7, null), LAUNCH));
    }
}
