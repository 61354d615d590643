package io.headroom.planner.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * recommend on a cluster whose nodes arrive minutes late: a pool's setting is its min, the cluster
 * autoscaler and placeholders survive every configuration, and for the GPU example with a 1 s
 * startup (so that room alone can meet the SLO) both a higher pool min and placeholders are found,
 * each priced in node-hours at the pool's costPerHour.
 */
class NodeLagRecommendTest {
    @TempDir
    Path dir;

    private Scenario example(String startup) throws IOException {
        String text = Files.readString(Path.of("../scenarios/gpu-node-autoscaling.yaml"))
                .replaceFirst("  startup: 2m[^\n]*", "  startup: " + startup);
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, text);
        return ScenarioLoader.load(file);
    }

    @Test
    void aConfigKeepsTheClusterAutoscalerAndSetsTheResizedPoolsMin() throws IOException {
        Scenario s = example("1s");
        Config now = Config.of(s);
        assertEquals(s.cluster(), now.applyTo(s).cluster(), "the current settings give the scenario's own cluster");
        Cluster raised = now.withNodes("gpu", 7).applyTo(s).cluster().orElseThrow();
        NodePool pool = raised.nodePools().get(0);
        assertEquals(7, pool.min());
        assertEquals(7, pool.count());
        assertEquals(12, pool.max());
        assertTrue(raised.autoscaler().isPresent() && pool.provisioning().isPresent() && pool.costPerHour() == 0.90);
        Cluster held = now.withPlaceholders(5).applyTo(s).cluster().orElseThrow();
        assertEquals(5, held.placeholders().replicas());
        assertEquals(3 + 5, held.nodePools().get(0).count(), "started with the nodes the placeholders' Pending asked for");
        assertEquals(3, held.nodePools().get(0).min());
        assertEquals("min nodes in pool gpu 3 → 7", now.withNodes("gpu", 7).changesFrom(now));
        assertEquals("placeholders 0 → 5", now.withPlaceholders(5).changesFrom(now));
    }

    @Test
    void aHigherPoolMinAndPlaceholdersAreFoundAndPricedInNodeHours() throws IOException {
        Scenario s = example("1s");
        Recommendation r = Recommender.recommend(s, 3, Progress.NONE);
        assertFalse(r.current().evaluation().meetsSlo());
        Alternative min = r.alternatives().stream().filter(a -> a.changes().startsWith("min nodes in pool gpu 3 → ")
                && !a.changes().contains(",")).findFirst().orElseThrow(() -> new AssertionError(r.alternatives().toString()));
        Alternative held = r.alternatives().stream().filter(a -> a.changes().startsWith("placeholders 0 → ")).findFirst()
                .orElseThrow(() -> new AssertionError(r.alternatives().toString()));
        assertTrue(min.evaluation().meetsSlo() && held.evaluation().meetsSlo());
        assertTrue(held.reason().contains("placeholder pods hold room"), held.reason());
        for (Alternative a : java.util.List.of(min, held, r.current())) {
            // no cost section: the whole cost is the node-hours at the pool's 0.90 per hour
            assertEquals(a.evaluation().nodeHours() * 0.90, a.evaluation().cost(), 1e-9, a.changes());
        }
        for (Alternative a : java.util.List.of(min, held)) {
            double nodeCost = Simulator.run(a.config().applyTo(s)).summary().nodePools().get(0).cost();
            assertTrue(nodeCost > r.current().evaluation().cost(), a.changes() + " costs more node-hours than now");
        }
    }
}
