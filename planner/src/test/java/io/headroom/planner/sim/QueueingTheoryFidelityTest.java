package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.queueing.ErlangB;
import io.headroom.planner.queueing.ErlangC;
import io.headroom.planner.queueing.MaxWaitQueue;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator with the static policy and exponential service is an M/M/c queue, so its long-run
 * fractions must match queueing theory: Erlang B with no queue, Erlang C with an unbounded one, and
 * the M/M/c+D abandonment probability (the formula {@code headroom size} uses) with a wait limit.
 * Each case runs about 2.5 million requests (7.5 million for Erlang C). Tolerance: 2 % relative,
 * or, for the 503 fractions, the 99.9 % confidence half-width from 50 batch means when that is
 * wider (at c = 50–100 a run's 503 fraction wanders by about 1 % between seeds: 503s come in
 * bursts, so requests are far from independent). Six seeds at c = 50, a = 45, 9 million requests
 * each, averaged -0.5 % from the formula: no bias.
 */
class QueueingTheoryFidelityTest {
    private static final Duration SERVICE = Duration.ofMillis(10);

    private static SimulationResult simulate(int servers, double load, Duration maxWait, Duration length) {
        return Simulator.run(TestScenarios.mmc(servers, load, SERVICE, maxWait, length, 20261123L));
    }

    /** The run's 503 fraction is within 2 % of theory, or within the 99.9 % batch-means interval when wider. */
    private static void assertAgrees(String what, int servers, double load, double theory, SimulationResult result) {
        double simulated = result.summary().rejected503Fraction();
        double halfWidth = 3.29 * batchMeansStandardError(result.timeline(), 50);
        double tolerance = Math.max(0.02 * theory, halfWidth);
        report(what, servers, load, theory, simulated);
        System.out.printf(Locale.ROOT, "%-22s 99.9%% half-width %.2f %% of theory; tolerance %.2f %%%n", "", 100 * halfWidth / theory,
                100 * tolerance / theory);
        assertEquals(theory, simulated, tolerance);
    }

    private static double batchMeansStandardError(List<TimelineRow> rows, int batches) {
        int size = rows.size() / batches;
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            long rejected = 0;
            long sent = 0;
            for (TimelineRow r : rows.subList(b * size, (b + 1) * size)) {
                rejected += r.rejected503();
                sent += r.arrivals();
            }
            means[b] = rejected / (double) sent;
        }
        double mean = java.util.Arrays.stream(means).average().orElseThrow();
        double variance = java.util.Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum() / (batches - 1);
        return Math.sqrt(variance / batches);
    }

    @ParameterizedTest(name = "c={0}, a={1}")
    @CsvSource({"1, 0.8", "2, 1.5", "10, 8", "50, 45"})
    void rejectionsWithoutAQueueMatchErlangB(int servers, double load) {
        SimulationResult result = simulate(servers, load, Duration.ZERO, Duration.ofSeconds(length(servers, load)));
        assertAgrees("Erlang B", servers, load, ErlangB.blocking(servers, load), result);
    }

    @ParameterizedTest(name = "c={0}, a={1}")
    @CsvSource({"1, 0.7", "10, 8", "50, 45"})
    void waitingWithAnUnboundedQueueMatchesErlangC(int servers, double load) {
        Summary s = simulate(servers, load, Duration.ofHours(1), Duration.ofSeconds(3 * length(servers, load))).summary();
        double expectedWait = ErlangC.probabilityOfWait(servers, load);
        double expectedMeanWaitMs = expectedWait / (servers - load) * SERVICE.toNanos() / 1e6;
        double waited = s.queued() / (double) s.requests();
        report("Erlang C P(wait)", servers, load, expectedWait, waited);
        report("Erlang C mean wait ms", servers, load, expectedMeanWaitMs, s.meanQueueWaitMs());
        assertEquals(expectedWait, waited, 0.02 * expectedWait);
        assertEquals(expectedMeanWaitMs, s.meanQueueWaitMs(), 0.05 * expectedMeanWaitMs, "mean wait within 5 % (heavier tail)");
        assertEquals(0, s.rejected503());
    }

    @ParameterizedTest(name = "c={0}, a={1}, wait limit {2} × service")
    @CsvSource({"1, 0.9, 1.0", "10, 9, 0.5", "50, 45, 0.1", "100, 95, 0.1", "50, 55, 0.1"})
    void rejectionsWithAWaitLimitMatchTheImpatientQueue(int servers, double load, double limitInServiceTimes) {
        Duration limit = Duration.ofNanos((long) (SERVICE.toNanos() * limitInServiceTimes));
        SimulationResult result = simulate(servers, load, limit, Duration.ofSeconds(length(servers, load)));
        double serviceSeconds = SERVICE.toNanos() / 1e9;
        double expected = MaxWaitQueue.solve(servers, load / serviceSeconds, serviceSeconds, limitInServiceTimes * serviceSeconds, 1)
                .rejectionFraction();
        assertAgrees("M/M/c+D 503", servers, load, expected, result);
    }

    /** Seconds of traffic for about 2.5 million requests. */
    private static long length(int servers, double load) {
        double rps = load / (SERVICE.toNanos() / 1e9);
        return (long) Math.ceil(2_500_000 / rps);
    }

    private static void report(String what, int servers, double load, double theory, double simulated) {
        System.out.printf(Locale.ROOT, "%-22s c=%-4d a=%-6.1f theory %.6f  simulated %.6f  (%+.2f %%)%n", what, servers, load,
                theory, simulated, 100 * (simulated - theory) / theory);
    }
}
