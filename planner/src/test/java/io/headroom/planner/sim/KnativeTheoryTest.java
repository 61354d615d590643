package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.queueing.ErlangC;
import io.headroom.planner.timeline.Summary;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Knative's data path against queueing theory. With the activator always in the path
 * (targetBurstCapacity -1) and a fixed scale (minReplicas = maxReplicas = n), every request waits in
 * the activator's FIFO queue until one of the n × containerConcurrency slots is free — upstream's
 * throttler never sends a pod more than its breaker's capacity — so the revision is an M/M/c queue
 * with c = n × containerConcurrency, and its waits follow Erlang C (the revision timeout, 300 s, is
 * far beyond any wait). 3 replicas × 2 slots at a = 4.8 (ρ = 0.8), 10 ms exponential service,
 * about 2.4 million requests; tolerance 2 % on P(wait), 5 % on the mean wait, as
 * {@code QueueingTheoryFidelityTest} states for the central queue.
 */
class KnativeTheoryTest {
    private static final Duration SERVICE = Duration.ofMillis(10);

    @Test
    void aFixedScaleBehindTheActivatorIsErlangCOverAllSlots() {
        int replicas = 3;
        int cc = 2;
        double load = 4.8;
        KnativeSpec k = KnativeScenarios.spec(replicas, replicas, replicas, cc, -1, Duration.ofSeconds(300));
        double rps = load / (SERVICE.toNanos() / 1e9);
        Summary s = Simulator.run(KnativeScenarios.scenario("knative erlang c", 20261201L, new ExponentialDistribution(SERVICE),
                Duration.ZERO, k, TestScenarios.steps(Duration.ofSeconds(5000), new double[][] {{0, rps}}))).summary();
        int servers = replicas * cc;
        double expectedWait = ErlangC.probabilityOfWait(servers, load);
        double expectedMeanWaitMs = expectedWait / (servers - load) * SERVICE.toNanos() / 1e6;
        double waited = s.queued() / (double) s.requests();
        System.out.printf(Locale.ROOT, "knative Erlang C c=%d a=%.1f: P(wait) theory %.5f simulated %.5f; mean wait ms theory %.4f"
                + " simulated %.4f%n", servers, load, expectedWait, waited, expectedMeanWaitMs, s.meanQueueWaitMs());
        assertEquals(expectedWait, waited, 0.02 * expectedWait);
        assertEquals(expectedMeanWaitMs, s.meanQueueWaitMs(), 0.05 * expectedMeanWaitMs);
        assertEquals(0, s.rejected503() + s.timeout504());
    }
}
