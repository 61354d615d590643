package io.headroom.planner.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.queueing.ErlangC;
import io.headroom.planner.queueing.MaxWaitQueue;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizerTest {
    static SizingQuery query(double rps, String latency, double utilization, Double slo503, String sloP99) {
        return new SizingQuery(rps, Durations.parse(latency), utilization, 1, Duration.ofMillis(500), 1.0, slo503,
                sloP99 == null ? null : Durations.parse(sloP99), Resources.DEFAULT, List.of());
    }

    @Test
    void azureMlDocumentedExampleNeeds286Replicas() {
        // 20 rps × 10 s / 0.7 / 1 = 285.71 → 286 (Azure ML "Deploy to AKS" autoscaling example)
        assertEquals(286, Sizer.formulaReplicas(query(20, "10s", 0.7, null, null)));
    }

    @Test
    void floatingPointErrorDoesNotAddAReplica() {
        // 7 × 0.1 / 0.7 evaluates to 1.0000000000000002 in doubles; the answer is 1
        assertEquals(1, Sizer.formulaReplicas(query(7, "100ms", 0.7, null, null)));
    }

    @Test
    void concurrencyDividesTheCount() {
        SizingQuery q = new SizingQuery(20, Duration.ofSeconds(10), 0.7, 4, Duration.ofMillis(500), 1.0, null, null,
                Resources.DEFAULT, List.of());
        assertEquals(72, Sizer.formulaReplicas(q)); // ceil(285.71 / 4)
        assertEquals(288, Sizer.check(q, 72).servers());
    }

    @Test
    void queueingCheckAtTheFormulaCountUsesErlangAndMaxWait() {
        SizingResult r = Sizer.size(query(20, "10s", 0.7, null, null));
        QueueingCheck at = r.atReplicas();
        assertEquals(200.0, at.offeredLoad(), 1e-9);
        assertEquals(200.0 / 286, at.utilization(), 1e-12);
        assertEquals(ErlangC.probabilityOfWait(286, 200), at.probabilityOfWait(), 0);
        assertEquals(MaxWaitQueue.solve(286, 20, 10, 0.5, 1).rejectionFraction(), at.rejectionFraction(), 0);
        assertTrue(at.stable());
        assertNull(r.sloReplicas());
        assertNull(r.nodes());
        assertTrue(r.explanation().contains("286"), r.explanation());
    }

    @Test
    void fullUtilizationTargetLeavesTheQueueUnstable() {
        QueueingCheck at = Sizer.size(query(20, "10s", 1.0, null, null)).atReplicas();
        assertEquals(200, at.replicas());
        assertFalse(at.stable());
        assertTrue(at.rejectionFraction() > 0.01 && at.rejectionFraction() < 1, "" + at.rejectionFraction());
        assertEquals(0.5, at.p99WaitSeconds(), 1e-12, "more than 1 % wait the whole max wait, then get 503");
        assertTrue(at.meanWaitSeconds() > 0 && at.meanWaitSeconds() < 0.5, "" + at.meanWaitSeconds());
    }

    @Test
    void theP99QueueWaitNeverExceedsTheMaxWait() {
        // 20 rps x 10 s with a 500 ms max wait: the unlimited M/M/c queue's p99 exceeds 500 ms near saturation
        // (it printed 544 ms); the router rejects at 500 ms, so no request waits longer.
        SizingQuery q = query(20, "10s", 0.7, null, null);
        boolean mmcExceeded = false;
        for (int replicas = 150; replicas <= 300; replicas++) {
            QueueingCheck c = Sizer.check(q, replicas);
            assertTrue(c.p99WaitSeconds() <= 0.5, replicas + " replicas: p99 " + c.p99WaitSeconds());
            assertTrue(c.meanWaitSeconds() <= 0.5, replicas + " replicas: mean " + c.meanWaitSeconds());
            mmcExceeded |= replicas > 200 && ErlangC.waitQuantileSeconds(replicas * 1, 20, 10, 1, 0.99) > 0.5;
        }
        assertTrue(mmcExceeded, "the M/M/c formula alone would have printed a p99 above the max wait");
    }

    @Test
    void sloReplicasIsTheSmallestCountMeetingTheFiveOhThreeSlo() {
        SizingQuery q = query(20, "10s", 0.7, 0.001, null);
        int n = Sizer.sloReplicas(q);
        assertTrue(Sizer.check(q, n).rejectionFraction() <= 0.001);
        assertTrue(Sizer.check(q, n - 1).rejectionFraction() > 0.001);
        SizingResult r = Sizer.size(q);
        assertEquals(n, r.sloReplicas());
        assertTrue(r.explanation().contains("503 SLO"), r.explanation());
    }

    @Test
    void aCountBelowTheRuleSaysWhatFivePercentMoreTrafficDoes() {
        SizingQuery q = query(20, "10s", 0.7, 0.001, null);
        SizingQuery more = query(21, "10s", 0.7, 0.001, null);
        int n = Sizer.sloReplicas(q);
        String explanation = Sizer.size(q).explanation();
        String rejected = HumanFormat.percent(Sizer.check(more, n).rejectionFraction());
        assertTrue(Sizer.check(more, n).rejectionFraction() > 0.001, "5 % more traffic breaks the SLO at the tight count");
        assertTrue(explanation.contains("with 5% more traffic (21 rps) " + n + " replicas would reject " + rejected + ", and "
                + Sizer.sloReplicas(more) + " would be needed"), explanation);
    }

    @Test
    void sloReplicasIsTheSmallestCountMeetingTheP99WaitSlo() {
        SizingQuery q = query(20, "10s", 0.7, null, "200ms");
        int n = Sizer.sloReplicas(q);
        assertTrue(n > 200, "" + n);
        assertTrue(Sizer.check(q, n).p99WaitSeconds() <= 0.2);
        assertTrue(Sizer.check(q, n - 1).p99WaitSeconds() > 0.2);
    }

    @Test
    void aP99WaitSloAtOrAboveTheMaxWaitAlwaysHolds() {
        assertEquals(1, Sizer.sloReplicas(query(20, "10s", 0.7, null, "500ms")), "no request waits longer than 500 ms");
    }

    @Test
    void bothSlosTakeTheLargerCount() {
        int fiveOhThree = Sizer.sloReplicas(query(20, "10s", 0.7, 0.001, null));
        int p99 = Sizer.sloReplicas(query(20, "10s", 0.7, null, "1s"));
        assertEquals(Math.max(fiveOhThree, p99), Sizer.sloReplicas(query(20, "10s", 0.7, 0.001, "1s")));
    }

    @Test
    void looseSloSaysTheFormulaAlreadyMeetsIt() {
        SizingResult r = Sizer.size(query(20, "10s", 0.7, 0.05, null));
        assertTrue(r.sloReplicas() < 286);
        assertTrue(r.explanation().startsWith("the sizing rule's 286 replicas"), r.explanation());
        assertTrue(r.explanation().contains(r.sloReplicas() + " would suffice"), r.explanation());
    }

    @Test
    void searchStaysFastForThousandsOfReplicas() {
        SizingQuery q = query(2000, "2s", 0.7, 0.0001, "100ms");
        int n = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Sizer.sloReplicas(q));
        assertTrue(n > 4000, "n=" + n);
        assertTrue(Sizer.meetsSlos(q, n) && !Sizer.meetsSlos(q, n - 1));
    }

    @Test
    void overloadTolerantSloCanBeMetBelowTheOfferedLoad() {
        // a 60 % 503 budget is met with fewer slots than busy servers: the lower bound is a·(1 − s) = 80
        SizingQuery q = query(20, "10s", 0.7, 0.6, null);
        int n = Sizer.sloReplicas(q);
        assertTrue(n >= 80 && n < 200, "n=" + n);
    }

    @Test
    void nodesArePlacedForTheRecommendedCount() {
        SizingQuery q = new SizingQuery(20, Duration.ofSeconds(10), 0.7, 1, Duration.ofMillis(500), 1.0, 0.001, null,
                new Resources(1, 2, 1), List.of(new NodePool("gpu", 3, 6, 56, 1)));
        SizingResult r = Sizer.size(q);
        assertNotNull(r.nodes());
        assertEquals(r.sloReplicas(), r.nodes().replicas());
        assertEquals("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.", r.nodes().schedulerMessage());
    }
}
