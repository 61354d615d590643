package io.headroom.planner.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SlowdownErlangB} against the birth–death chain solved directly: p<sub>j</sub> ∝
 * Π<sub>n≤j</sub> λ/μ<sub>n</sub> with μ<sub>n</sub> = n / (E[S]·(1 + b·max(0, n/R − 1))), normalised,
 * B = p<sub>c</sub> (Gross &amp; Harris §2.9); and with b = 0 against Erlang B.
 */
class SlowdownErlangBTest {
    /** The chain's p_c by summing its unnormalised terms in logs. */
    private static double direct(int servers, double erlangs, double slowdown, double replicas) {
        double[] logs = new double[servers + 1];
        double max = 0;
        for (int j = 1; j <= servers; j++) {
            double f = 1 + slowdown * Math.max(0, j / replicas - 1);
            logs[j] = logs[j - 1] + Math.log(erlangs * f / j);
            max = Math.max(max, logs[j]);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return Math.exp(logs[servers] - max) / sum;
    }

    @ParameterizedTest(name = "c={0}, a={1}, b={2}, R={3}")
    @CsvSource({"8, 3, 0.25, 1", "8, 6, 0.25, 1", "16, 12, 0.15, 4", "64, 40, 0.1, 16", "400, 300, 0.05, 100", "4, 8, 1.0, 1"})
    void matchesTheChainSolvedDirectly(int servers, double erlangs, double slowdown, double replicas) {
        double direct = direct(servers, erlangs, slowdown, replicas);
        assertEquals(direct, SlowdownErlangB.blocking(servers, erlangs, slowdown, replicas), 1e-12 + 1e-9 * direct);
    }

    @ParameterizedTest(name = "c={0}, a={1}")
    @CsvSource({"1, 0.5", "10, 7", "100, 95", "1000, 1100"})
    void withoutASlowdownItIsErlangB(int servers, double erlangs) {
        assertEquals(ErlangB.blocking(servers, erlangs), SlowdownErlangB.blocking(servers, erlangs, 0, 1), 1e-15);
    }

    @ParameterizedTest(name = "c={0}, a={1}")
    @CsvSource({"8, 3", "16, 12"})
    void aSlowdownLosesMoreThanErlangB(int servers, double erlangs) {
        assertEquals(true, SlowdownErlangB.blocking(servers, erlangs, 0.25, 1) > ErlangB.blocking(servers, erlangs));
    }
}
