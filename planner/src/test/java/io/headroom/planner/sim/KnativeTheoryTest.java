package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.queueing.ErlangC;
import io.headroom.planner.timeline.Summary;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Knative's data path against queueing theory. With the activator always in the path
 * (targetBurstCapacity -1) and a fixed scale (minReplicas = maxReplicas = n), every request waits in
 * the activator's FIFO queue until one of the n × containerConcurrency slots is free — upstream's
 * throttler never sends a pod more than its breaker's capacity — so the revision is an M/M/c queue
 * with c = n × containerConcurrency, and its waits follow Erlang C (the revision timeout, 300 s, is
 * far beyond any wait). On both engines: 3 replicas × 2 slots at a = 4.8 (ρ = 0.8), 10 ms exponential
 * service (the discrete-event engine: about 2.4 million requests), and on the fast engine two larger
 * revisions at ρ 0.9; tolerance 2 % on P(wait), 5 % on the mean wait, as
 * {@code QueueingTheoryFidelityTest} states for the central queue.
 */
class KnativeTheoryTest {
    @ParameterizedTest(name = "{0}: {1} replicas × {2} slots at {3} Erlangs, {4} ms")
    @CsvSource({"DES, 3, 2, 4.8, 10, 5000", "FAST, 3, 2, 4.8, 10, 2000", "FAST, 20, 10, 180, 200, 2000", "FAST, 50, 1, 45, 100, 2000"})
    void aFixedScaleBehindTheActivatorIsErlangCOverAllSlots(SimulationEngine engine, int replicas, int cc, double load, int serviceMs,
            int seconds) {
        Duration service = Duration.ofMillis(serviceMs);
        KnativeSpec k = KnativeScenarios.spec(replicas, replicas, replicas, cc, -1, Duration.ofSeconds(300));
        double rps = load / (service.toNanos() / 1e9);
        Summary s = Simulator.run(KnativeScenarios.scenario("knative erlang c", 20261201L, new ExponentialDistribution(service),
                Duration.ZERO, k, TestScenarios.steps(Duration.ofSeconds(seconds), new double[][] {{0, rps}})), engine).summary();
        int servers = replicas * cc;
        double expectedWait = ErlangC.probabilityOfWait(servers, load);
        double expectedMeanWaitMs = expectedWait / (servers - load) * service.toNanos() / 1e6;
        double waited = s.queued() / (double) s.requests();
        System.out.printf(Locale.ROOT, "knative Erlang C (%s) c=%d a=%.1f: P(wait) theory %.5f simulated %.5f; mean wait ms theory %.4f"
                + " simulated %.4f%n", engine.id(), servers, load, expectedWait, waited, expectedMeanWaitMs, s.meanQueueWaitMs());
        assertEquals(expectedWait, waited, 0.02 * expectedWait);
        assertEquals(expectedMeanWaitMs, s.meanQueueWaitMs(), 0.05 * expectedMeanWaitMs);
        assertEquals(0, s.rejected503() + s.timeout504());
    }
}
