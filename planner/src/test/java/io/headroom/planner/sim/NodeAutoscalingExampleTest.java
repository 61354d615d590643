package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Placeholders;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.timeline.PoolNodes;
import io.headroom.planner.timeline.RunEvent;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Window;
import io.headroom.planner.timeline.WindowCause;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * scenarios/gpu-node-autoscaling.yaml tells its story: the step's 503 window is "node provisioning",
 * ready replicas rise about a node provisioning time (plus the scan, the 30 s GPU wait and the 2 min
 * startup) after the first Pending replica, nodes go back down after the unneeded time; the same
 * spike at the pool's max is "cluster full"; with 4 placeholders the first 4 replicas start at once.
 */
class NodeAutoscalingExampleTest {
    private static final Path EXAMPLE = Path.of("../scenarios/gpu-node-autoscaling.yaml");

    private static Scenario withPool(Scenario s, NodePool pool, Placeholders placeholders) {
        Cluster c = s.cluster().orElseThrow();
        return s.with(s.autoscaler(), Optional.of(new Cluster(List.of(pool), c.schedulingTimeout(), c.autoscaler(), placeholders)),
                s.schedule());
    }

    @Test
    void theStepWaitsForNodesThatAreComingAndTheyGoAfterTheTrafficFalls() {
        Scenario s = ScenarioLoader.load(EXAMPLE);
        SimulationResult run = Simulator.run(s);
        Window step = run.summary().windows().stream().filter(w -> w.startSecond() >= 300).findFirst().orElseThrow();
        assertEquals(WindowCause.NODE_PROVISIONING, step.cause());
        int firstPending = run.timeline().stream().filter(r -> r.second() >= 300 && r.replicas().pending() > 0)
                .mapToInt(TimelineRow::second).findFirst().orElseThrow();
        int moreReady = run.timeline().stream().filter(r -> r.second() > firstPending && r.replicas().ready() > 6)
                .mapToInt(TimelineRow::second).findFirst().orElseThrow();
        // 7 ready needs a node of the 5:40 scale-up: request ≤ first Pending + 40 s, then ≥ 3 min, ≤ 15 min, then 2 min startup
        int delay = moreReady - firstPending;
        assertTrue(delay >= 30 + 180 + 120 && delay <= 40 + 900 + 120, "ready replicas rose " + delay + " s after the first Pending one");
        PoolNodes pool = run.summary().nodePools().get(0);
        assertEquals(10, pool.peakNodes());
        assertTrue(pool.readyAt(1200) >= 8, "the nodes are there at 20m: " + pool.nodes());
        assertTrue(pool.readyAt(2399) < pool.readyAt(1200), "and fewer after the traffic falls: " + pool.nodes());
        List<RunEvent> down = run.summary().events().stream().filter(e -> e.reason().equals("ScaleDownEmpty")).toList();
        assertTrue(!down.isEmpty() && down.get(0).second() >= 1200 + 600, "no node goes before 10 min unneeded after 20m: " + down);
        assertEquals(pool.nodeHours() * 0.90, run.summary().cost(), 1e-9);
    }

    @Test
    void theSameSpikeOnAPoolAtItsMaxIsClusterFull() {
        Scenario base = ScenarioLoader.load(EXAMPLE);
        NodePool p = base.cluster().orElseThrow().nodePools().get(0);
        Scenario atMax = withPool(base, new NodePool(p.name(), 3, p.cpu(), p.memoryGb(), p.gpu(), 3, 3, p.provisioning(), p.costPerHour()),
                Placeholders.NONE);
        SimulationResult run = Simulator.run(atMax);
        Window step = run.summary().windows().stream().filter(w -> w.startSecond() >= 300).findFirst().orElseThrow();
        assertEquals(WindowCause.CLUSTER_FULL, step.cause());
        assertTrue(run.summary().events().stream().anyMatch(e -> e.reason().equals("NotTriggerScaleUp")
                && e.message().equals("pod didn't trigger scale-up: 1 max node group size reached")), run.summary().events().toString());
    }

    @Test
    void withFourPlaceholdersTheFirstFourReplicasStartAtOnce() {
        Scenario base = ScenarioLoader.load(EXAMPLE);
        NodePool p = base.cluster().orElseThrow().nodePools().get(0);
        Scenario held = withPool(base, p.withCount(7), new Placeholders(4, -10));
        SimulationResult run = Simulator.run(held);
        TimelineRow first = run.timeline().stream().filter(r -> r.second() >= 300 && r.replicas().desired() > 3).findFirst().orElseThrow();
        int asked = first.replicas().desired() - 3;
        assertEquals(Math.min(4, asked), first.replicas().starting(), "placed at once on the placeholders' room at " + first.second());
        assertEquals(Math.max(0, asked - 4), first.replicas().pending());
    }
}
