package io.headroom.planner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.cluster.NodeAutoscaler;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Placeholders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluster.autoscaler}, pool {@code min/max/provisioning/costPerHour} and {@code placeholders}: bound once, refused with a location. */
class ClusterBinderTest {
    @TempDir
    Path dir;

    private Scenario load(String cluster) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: x\nservice: {serviceTime: 1s, resources: {cpu: 1, memoryGb: 2, gpu: 1}}\n"
                + "traffic: {duration: 1m, profile: [{at: 0s, rps: 1}]}\ncluster:\n" + cluster);
        return ScenarioLoader.load(file);
    }

    private String refused(String cluster) {
        return assertThrows(InvalidInputException.class, () -> load(cluster)).getMessage();
    }

    @Test
    void theIssuesExampleBindsWithUpstreamDefaults() throws IOException {
        Cluster c = load("""
                  nodePools:
                    - {name: gpu, count: 2, min: 2, max: 12, cpu: 6, memoryGb: 56, gpu: 1, costPerHour: 3.06,
                       provisioning: {distribution: lognormal, mean: 5m, p99: 9m}}
                  autoscaler: {expander: priority}
                  placeholders: {replicas: 4}
                """).cluster().orElseThrow();
        NodePool pool = c.nodePools().get(0);
        assertEquals(2, pool.min());
        assertEquals(12, pool.max());
        assertEquals(3.06, pool.costPerHour(), 0);
        assertEquals(Duration.ofMinutes(5), pool.provisioning().orElseThrow().mean());
        NodeAutoscaler a = c.autoscaler().orElseThrow();
        assertEquals(Duration.ofSeconds(10), a.scanInterval());
        assertEquals(Duration.ofMinutes(15), a.maxNodeProvisionTime());
        assertEquals(Duration.ofMinutes(10), a.scaleDownUnneededTime());
        assertEquals(Duration.ofMinutes(10), a.scaleDownDelayAfterAdd());
        assertEquals(0.5, a.scaleDownUtilizationThreshold(), 0);
        assertEquals(NodeAutoscaler.Expander.PRIORITY, a.expander());
        assertEquals(new Placeholders(4, -10), c.placeholders());
        assertTrue(c.nodesChange());
    }

    @Test
    void withoutAnAutoscalerPoolsAreFixed() throws IOException {
        Cluster c = load("  nodePools: [{name: gpu, count: 2, max: 12, cpu: 6, memoryGb: 56, gpu: 1}]\n").cluster().orElseThrow();
        assertTrue(c.autoscaler().isEmpty());
        assertEquals(false, c.nodesChange());
    }

    @Test
    void badValuesAreRefusedWithTheirRuleAndLocation() {
        String min = refused("  nodePools: [{name: gpu, count: 2, min: 3, cpu: 6, memoryGb: 56, gpu: 1}]\n");
        assertTrue(min.startsWith("cluster.nodePools[0].min must be <= count (2)") && min.contains("s.yaml:"), min);
        String max = refused("  nodePools: [{name: gpu, count: 2, max: 1, cpu: 6, memoryGb: 56, gpu: 1}]\n");
        assertTrue(max.startsWith("cluster.nodePools[0].max must be >= count (2)"), max);
        String provisioning = refused("  nodePools: [{name: gpu, count: 2, max: 4, cpu: 6, memoryGb: 56, gpu: 1}]\n  autoscaler: {}\n");
        assertTrue(provisioning.startsWith("cluster.nodePools[0].provisioning is required when min < max"), provisioning);
        String expander = refused("  nodePools: [{name: gpu, count: 2, cpu: 6, memoryGb: 56, gpu: 1}]\n  autoscaler: {expander: most-pods}\n");
        assertTrue(expander.startsWith("cluster.autoscaler.expander must be one of least-waste, random, priority"), expander);
        String priority = refused("  nodePools: [{name: gpu, count: 2, cpu: 6, memoryGb: 56, gpu: 1}]\n  placeholders: {replicas: 2, priority: 0}\n");
        assertTrue(priority.startsWith("cluster.placeholders.priority must be < 0"), priority);
        String huge = refused("  nodePools: [{name: gpu, count: 2, max: 1000000000, cpu: 6, memoryGb: 56, gpu: 1, provisioning: 5m}]\n"
                + "  autoscaler: {}\n");
        assertTrue(huge.startsWith("cluster.nodePools[0].max must be <= 15000"), huge);
        String scan = refused("  nodePools: [{name: gpu, count: 2, cpu: 6, memoryGb: 56, gpu: 1}]\n  autoscaler: {scanInterval: 0s}\n");
        assertTrue(scan.startsWith("cluster.autoscaler.scanInterval must be > 0s"), scan);
    }
}
