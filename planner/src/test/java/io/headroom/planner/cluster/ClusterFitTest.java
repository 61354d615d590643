package io.headroom.planner.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterFitTest {
    private static final NodePool GPU_POOL = new NodePool("gpu", 3, 6, 56, 1);
    private static final Resources GPU_REPLICA = new Resources(1, 2, 1);

    @Test
    void threeGpuNodesHoldThreeGpuReplicas() {
        ClusterFit fit = ClusterFit.place(GPU_REPLICA, List.of(GPU_POOL), 3);
        assertTrue(fit.fits());
        assertEquals(3, fit.replicasThatFit());
        assertNull(fit.schedulerMessage());
        PoolFit pool = fit.pools().get(0);
        assertEquals(1, pool.replicasPerNode());
        assertEquals(3L, pool.nodesNeeded());
        assertEquals(3, pool.nodesUsed());
    }

    @Test
    void fourthGpuReplicaGetsTheSchedulerMessage() {
        ClusterFit fit = ClusterFit.place(GPU_REPLICA, List.of(GPU_POOL), 4);
        assertFalse(fit.fits());
        assertEquals(3, fit.replicasThatFit());
        assertEquals(4L, fit.pools().get(0).nodesNeeded());
        assertEquals("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.", fit.schedulerMessage());
    }

    @Test
    void poolsFillInOrder() {
        NodePool small = new NodePool("small", 2, 4, 16, 0);
        NodePool large = new NodePool("large", 5, 16, 64, 0);
        ClusterFit fit = ClusterFit.place(new Resources(2, 4, 0), List.of(small, large), 13);
        // small: min(4/2, 16/4) = 2 per node, 2 nodes → 4; large: min(16/2, 64/4) = 8 per node → 9 left need 2 nodes
        assertEquals(List.of(2, 8), fit.pools().stream().map(PoolFit::replicasPerNode).toList());
        assertEquals(List.of(2, 2), fit.pools().stream().map(PoolFit::nodesUsed).toList());
        assertEquals(List.of(4L, 9L), fit.pools().stream().map(PoolFit::replicasPlaced).toList());
        assertEquals(List.of(7L, 2L), fit.pools().stream().map(PoolFit::nodesNeeded).toList());
        assertTrue(fit.fits());
    }

    @Test
    void gpuRequestOnCpuOnlyPoolIsInsufficientGpu() {
        NodePool cpuOnly = new NodePool("cpu", 2, 8, 32, 0);
        ClusterFit fit = ClusterFit.place(GPU_REPLICA, List.of(cpuOnly, GPU_POOL), 5);
        assertNull(fit.pools().get(0).nodesNeeded());
        assertEquals(0, fit.pools().get(0).nodesUsed());
        assertEquals(3, fit.replicasThatFit());
        assertEquals("0/5 nodes are available: 5 Insufficient nvidia.com/gpu.", fit.schedulerMessage());
    }

    @Test
    void oneNodeCanGiveSeveralReasonsAndReasonsAreSortedAsUpstreamDoes() {
        // a: 4 cpu / 8 GB with 2 cpu / 4 GB replicas → full on both cpu and memory after 2
        // b: 8 cpu / 4 GB → memory-bound after 1 replica, 6 cpu left
        NodePool a = new NodePool("a", 2, 4, 8, 0);
        NodePool b = new NodePool("b", 1, 8, 4, 0);
        ClusterFit fit = ClusterFit.place(new Resources(2, 4, 0), List.of(a, b), 6);
        assertEquals(5, fit.replicasThatFit());
        assertEquals("0/3 nodes are available: 2 Insufficient cpu, 3 Insufficient memory.", fit.schedulerMessage());
    }

    @Test
    void tinyPodsHitTheMaxPodsLimit() {
        NodePool big = new NodePool("big", 1, 64, 512, 0);
        ClusterFit fit = ClusterFit.place(new Resources(0.1, 0.1, 0), List.of(big), 111);
        assertEquals(110, fit.replicasThatFit());
        assertEquals("0/1 nodes are available: 1 Too many pods.", fit.schedulerMessage());
    }
}
