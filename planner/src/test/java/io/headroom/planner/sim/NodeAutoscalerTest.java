package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.Schedule;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.NodeAutoscaler;
import io.headroom.planner.cluster.NodeAutoscaler.Expander;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Placeholders;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.PoolNodes;
import io.headroom.planner.timeline.RunEvent;
import io.headroom.planner.timeline.TimelineRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cluster autoscaler on simulated time, each expectation derived by hand from the rules of
 * notes/autoscalers-2.md §4.1 (and {@link NodeFleet}): a static deployment of 2 GPU replicas whose
 * scheduled floor asks for 4 at second 100, 60 s startups, 1 replica per node, a 10 s scan.
 *
 * <p>Timeline row {@code s} samples the end of second {@code s}, i.e. the state at {@code s + 1} s.
 */
class NodeAutoscalerTest {
    private static final Resources GPU_POD = new Resources(1, 2, 1);
    private static final Resources CPU_POD = new Resources(4, 8, 0);
    private static final int STEP = 100;
    private static final int STARTUP = 60;

    private static DistributionSpec minutes(int m) {
        return new ConstantDistribution(Duration.ofMinutes(m));
    }

    private static NodePool gpuPool(String name, int count, int max, DistributionSpec provisioning, double cpu) {
        return new NodePool(name, count, cpu, 56, 1, count, max, Optional.of(provisioning), 3.06);
    }

    private static Scenario scenario(Resources pod, List<NodePool> pools, Optional<NodeAutoscaler> autoscaler, Placeholders placeholders,
            int floorTo, int seconds) {
        Service service = new Service(new ConstantDistribution(Duration.ofMillis(10)), 1, Duration.ofMillis(500), Duration.ofMinutes(1), 0,
                new ConstantDistribution(Duration.ofSeconds(STARTUP)), 0, pod);
        Cluster cluster = new Cluster(pools, Duration.ofMinutes(5), autoscaler, placeholders);
        Scenario s = TestScenarios.scenario("nodes", 1, service, new StaticSpec(2), Optional.of(cluster),
                TestScenarios.steps(Duration.ofSeconds(seconds), new double[][] {{0, 1}}));
        return s.with(s.autoscaler(), s.cluster(), new Schedule(List.of(new Schedule.Floor(STEP, floorTo, 4))));
    }

    private static Scenario gpuStep(DistributionSpec provisioning) {
        return scenario(GPU_POD, List.of(gpuPool("gpu", 2, 12, provisioning, 6)), Optional.of(NodeAutoscaler.DEFAULTS),
                Placeholders.NONE, 1500, 2400);
    }

    /** The first row (second) whose sample shows at least {@code n} ready replicas. */
    private static int firstRowWithReady(SimulationResult run, int n) {
        for (TimelineRow r : run.timeline()) {
            if (r.replicas().ready() >= n) {
                return r.second();
            }
        }
        return -1;
    }

    private static List<RunEvent> events(SimulationResult run, String reason) {
        return run.summary().events().stream().filter(e -> e.reason().equals(reason)).toList();
    }

    /**
     * Pending from 100 s; scans at 110, 120 find the oldest Pending GPU pod younger than 30 s; the scan at
     * 130 asks for 2 nodes; they are Ready at 130 + 5 min = 430 s, the replicas start then and are ready at
     * 430 + 60 = 490 s: row 489.
     */
    @Test
    void gpuReplicasAreReadyAfterTheScanTheGpuPendingAgeTheProvisioningAndTheStartup() {
        SimulationResult run = Simulator.run(gpuStep(minutes(5)));
        int expected = STEP + 30 + 300 + STARTUP;
        assertEquals(expected - 1, firstRowWithReady(run, 4), "4 ready from " + expected + " s");
        assertEquals(2, run.timeline().get(expected - 2).replicas().ready());
        List<RunEvent> up = events(run, "TriggeredScaleUp");
        assertEquals(130, up.get(0).second());
        assertEquals("pod triggered scale-up: [{gpu 2->4 (max: 12)}]", up.get(0).message());
        List<RunEvent> ready = events(run, "NodeReady");
        assertEquals(List.of(430, 430), ready.stream().map(RunEvent::second).toList());
        assertTrue(run.timeline().get(200).replicas().nodeComing(), "the Pending replicas wait for a node that is coming");
    }

    /** A CPU pod waits only 2 s: the scan at 110 asks; Ready at 110 + 300; replicas ready at 470 s. */
    @Test
    void cpuReplicasWaitOnlyTheTwoSecondPendingAge() {
        NodePool cpu = new NodePool("cpu", 2, 4, 16, 0, 2, 12, Optional.of(minutes(5)), 0.2);
        SimulationResult run = Simulator.run(scenario(CPU_POD, List.of(cpu), Optional.of(NodeAutoscaler.DEFAULTS), Placeholders.NONE,
                1500, 2400));
        assertEquals(STEP + 10 + 300 + STARTUP - 1, firstRowWithReady(run, 4));
    }

    /**
     * The floor ends at 1500 s; the scan at 1500 runs before the tick of that instant (readiness and
     * node events come before ticks), so the 2 nodes are empty from the scan at 1510, unneeded for
     * 10 min at 2110, and removed then (the last scale-up, at 130 s, is more than 10 min before).
     * Node-seconds: 2 × 2400 + 2 × (2110 − 130) = 8760, i.e. 2.4333 node-hours at 3.06 per hour.
     */
    @Test
    void nodesGoBackAfterTheUnneededTimeAndAreBilledFromRequestToRemoval() {
        SimulationResult run = Simulator.run(gpuStep(minutes(5)));
        List<RunEvent> down = events(run, "ScaleDownEmpty");
        assertEquals(List.of(2110, 2110), down.stream().map(RunEvent::second).toList());
        PoolNodes pool = run.summary().nodePools().get(0);
        assertEquals(8760 / 3600.0, pool.nodeHours(), 1e-9);
        assertEquals(8760 / 3600.0 * 3.06, pool.cost(), 1e-9);
        assertEquals(4, pool.peakNodes());
        assertEquals(List.of(new PoolNodes.Step(0, 2, 0), new PoolNodes.Step(130, 2, 2), new PoolNodes.Step(430, 4, 0),
                new PoolNodes.Step(2110, 2, 0)), pool.nodes());
        assertEquals(2, pool.readyAt(2200));
    }

    /**
     * Never below min: 3 nodes at min 3 (one of them empty from the start), 2 more for the floor of 5;
     * after it the 2 replicas leave 3 nodes empty but only 2 may go.
     */
    @Test
    void scaleDownStopsAtTheMinimum() {
        NodePool pool = new NodePool("gpu", 3, 6, 56, 1, 3, 12, Optional.of(minutes(5)), 0);
        Scenario s = scenario(GPU_POD, List.of(pool), Optional.of(NodeAutoscaler.DEFAULTS), Placeholders.NONE, 1500, 2400);
        s = s.with(s.autoscaler(), s.cluster(), new Schedule(List.of(new Schedule.Floor(STEP, 1500, 5))));
        SimulationResult run = Simulator.run(s);
        assertEquals(3, run.summary().nodePools().get(0).nodes().get(run.summary().nodePools().get(0).nodes().size() - 1).ready());
        assertEquals(2, events(run, "ScaleDownEmpty").size());
    }

    /**
     * Nodes that take 20 min never arrive: requested at 130, dropped at 130 + 15 min = 1030
     * (one ScaleUpTimedOut for the scale-up), the pool backs off 5 min, so the next scale-up is at the scan of 1330 and that
     * one fails at 2230. The replicas never start; the Pending ones wait for a node the autoscaler will ask for again.
     */
    @Test
    void aNodeThatDoesNotArriveInTimeFailsAndThePoolBacksOff() {
        SimulationResult run = Simulator.run(gpuStep(minutes(20)));
        assertEquals(List.of(1030, 2230), events(run, "ScaleUpTimedOut").stream().map(RunEvent::second).toList());
        assertEquals("Nodes added to group gpu failed to register within 900s", events(run, "ScaleUpTimedOut").get(0).message());
        assertEquals(List.of(130, 1330), events(run, "TriggeredScaleUp").stream().map(RunEvent::second).toList());
        assertEquals(-1, firstRowWithReady(run, 3));
        assertTrue(events(run, "NodeReady").isEmpty());
    }

    /**
     * With a second pool (priority expander: pool order) the autoscaler turns to it once the first is
     * backed off: the first pool's nodes fail at 1030, the scan of that instant asks the second pool,
     * whose 3-minute nodes are Ready at 1210; the replicas are ready at 1270 s.
     */
    @Test
    void aBackedOffPoolLeavesTheScaleUpToTheNextPool() {
        NodeAutoscaler priority = new NodeAutoscaler(Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ofMinutes(10),
                Duration.ofMinutes(10), 0.5, Expander.PRIORITY);
        List<NodePool> pools = List.of(gpuPool("slow", 2, 12, minutes(20), 6), gpuPool("spare", 0, 4, minutes(3), 6));
        SimulationResult run = Simulator.run(scenario(GPU_POD, pools, Optional.of(priority), Placeholders.NONE, 1500, 2400));
        assertEquals(List.of("pod triggered scale-up: [{slow 2->4 (max: 12)}]", "pod triggered scale-up: [{spare 0->2 (max: 4)}]"),
                events(run, "TriggeredScaleUp").stream().map(RunEvent::message).toList());
        assertEquals(1030, events(run, "TriggeredScaleUp").get(1).second());
        assertEquals(1030 + 180 + STARTUP - 1, firstRowWithReady(run, 4));
    }

    /** Least-waste picks the pool whose nodes leave the least idle CPU and memory: the 6-core one over the 32-core one. */
    @Test
    void leastWastePicksTheTighterPool() {
        List<NodePool> pools = List.of(gpuPool("big", 2, 12, minutes(5), 32), gpuPool("tight", 0, 12, minutes(5), 6));
        SimulationResult run = Simulator.run(scenario(GPU_POD, pools, Optional.of(NodeAutoscaler.DEFAULTS), Placeholders.NONE, 1500, 2400));
        assertEquals("pod triggered scale-up: [{tight 0->2 (max: 12)}]", events(run, "TriggeredScaleUp").get(0).message());
    }

    /**
     * At its max no node can come: NotTriggerScaleUp with upstream's reason, and the Pending replicas
     * wait for nothing (the window cause is cluster full, not node provisioning).
     */
    @Test
    void aPoolAtItsMaxDoesNotTriggerAScaleUp() {
        SimulationResult run = Simulator.run(scenario(GPU_POD, List.of(gpuPool("gpu", 2, 2, minutes(5), 6)),
                Optional.of(NodeAutoscaler.DEFAULTS), Placeholders.NONE, 1500, 2400));
        List<RunEvent> not = events(run, "NotTriggerScaleUp");
        assertEquals(1, not.size(), "once while the same replicas stay Pending");
        assertEquals(130, not.get(0).second());
        assertEquals("pod didn't trigger scale-up: 1 max node group size reached", not.get(0).message());
        assertFalse(run.timeline().get(200).replicas().nodeComing());
        assertEquals(2, run.timeline().get(200).replicas().pending());
    }

    /**
     * Two placeholders hold two nodes: at 100 s the replicas preempt them and start at once (ready at
     * 160 s, no replica ever Pending); the evicted placeholders trigger the scale-up at 130 s that
     * refills the room at 430 s.
     */
    @Test
    void placeholdersLetTheStepStartAtOnceAndAskForNodesInTheBackground() {
        Scenario s = scenario(GPU_POD, List.of(gpuPool("gpu", 4, 12, minutes(5), 6)), Optional.of(NodeAutoscaler.DEFAULTS),
                new Placeholders(2, -10), 1500, 2400);
        SimulationResult run = Simulator.run(s);
        assertEquals(STEP + STARTUP - 1, firstRowWithReady(run, 4));
        assertTrue(run.timeline().stream().allMatch(r -> r.replicas().pending() == 0), "no replica waits for a node");
        assertEquals(130, events(run, "TriggeredScaleUp").get(0).second());
        assertEquals("pod triggered scale-up: [{gpu 4->6 (max: 12)}]", events(run, "TriggeredScaleUp").get(0).message());
        assertEquals(List.of(430, 430), events(run, "NodeReady").stream().map(RunEvent::second).toList());
    }

    /** Placeholders below the expendable cutoff (-10) never make the autoscaler add a node. */
    @Test
    void expendablePlaceholdersDoNotTriggerAScaleUp() {
        Scenario s = scenario(GPU_POD, List.of(gpuPool("gpu", 4, 12, minutes(5), 6)), Optional.of(NodeAutoscaler.DEFAULTS),
                new Placeholders(2, -11), 1500, 2400);
        SimulationResult run = Simulator.run(s);
        assertEquals(STEP + STARTUP - 1, firstRowWithReady(run, 4));
        assertTrue(events(run, "TriggeredScaleUp").isEmpty());
    }

    /** The fast engine drives the same loop: the replicas are ready at 490 s there too (its steps divide the second). */
    @Test
    void theFastEngineSeesTheSameNodeLag() {
        SimulationResult run = Simulator.run(gpuStep(minutes(5)), SimulationEngine.FAST);
        assertEquals(STEP + 30 + 300 + STARTUP - 1, firstRowWithReady(run, 4));
        assertEquals(8760 / 3600.0, run.summary().nodePools().get(0).nodeHours(), 1e-9);
    }

    /**
     * Closed form: exponential provisioning with mean 5 min against maxNodeProvisionTime 15 min. A node
     * fails with p = e^-3; a scale-up of 2 nodes times out when either does, 1 - (1 - e^-3)^2 = 0.0971;
     * the nodes that arrive do so after E[X | X <= 15m] = 5m - 15m e^-3 / (1 - e^-3) = 252.8 s. Over 1000
     * seeds both match within 4 standard errors.
     */
    @Test
    void exponentialProvisioningFailsAndArrivesAsTheClosedFormSays() {
        Scenario base = gpuStep(new io.headroom.planner.dist.ExponentialDistribution(Duration.ofMinutes(5)));
        int runs = 1000;
        int timedOut = 0;
        double sum = 0;
        double sumSq = 0;
        int arrived = 0;
        for (int seed = 1; seed <= runs; seed++) {
            SimulationResult run = Simulator.run(base.withSeed(seed));
            if (events(run, "ScaleUpTimedOut").stream().anyMatch(e -> e.second() == 1030)) {
                timedOut++;
            }
            for (RunEvent e : events(run, "NodeReady")) {
                if (e.second() <= 1030) {
                    double d = e.second() + 0.5 - 130;
                    sum += d;
                    sumSq += d * d;
                    arrived++;
                }
            }
        }
        double p = 1 - Math.pow(1 - Math.exp(-3), 2);
        double observed = timedOut / (double) runs;
        double se = Math.sqrt(p * (1 - p) / runs);
        System.out.printf(java.util.Locale.ROOT, "scale-up timed out: theory %.4f observed %.4f (se %.4f)%n", p, observed, se);
        assertEquals(p, observed, 4 * se);
        double mean = sum / arrived;
        double sd = Math.sqrt(sumSq / arrived - mean * mean);
        double theory = 300 - 900 * Math.exp(-3) / (1 - Math.exp(-3));
        System.out.printf(java.util.Locale.ROOT, "node ready after request: theory %.1f s observed %.1f s (se %.1f s)%n", theory, mean,
                sd / Math.sqrt(arrived));
        assertEquals(theory, mean, 4 * sd / Math.sqrt(arrived));
    }
}
