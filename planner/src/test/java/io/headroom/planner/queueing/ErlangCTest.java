package io.headroom.planner.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangCTest {
    @ParameterizedTest
    @CsvSource({"0.1", "0.5", "0.95"})
    void singleServerWaitsWithProbabilityRho(double rho) {
        assertEquals(rho, ErlangC.probabilityOfWait(1, rho), 1e-15);
    }

    @ParameterizedTest
    @CsvSource({"0.5", "1.5", "1.9"})
    void twoServersMatchHandDerivedClosedForm(double a) {
        // M/M/2: p0 = (1 − ρ)/(1 + ρ), C = 2ρ²/(1 + ρ) with ρ = a/2
        double rho = a / 2;
        assertEquals(2 * rho * rho / (1 + rho), ErlangC.probabilityOfWait(2, a), 1e-14);
    }

    /** c = 50, a = 40: 0.0869525495 (mpmath, 50 digits; Erlang C tables list 0.0870). Tolerance 5e-9. */
    @Test
    void erlangCMatchesPublishedValueForFiftyServers() {
        assertEquals(0.0869525495, ErlangC.probabilityOfWait(50, 40), 5e-9);
    }

    /** Utilization 0.95 and above with hundreds to thousands of servers, against the log-space definition; relative 1e-9. */
    @ParameterizedTest
    @CsvSource({"500, 475", "1000, 960", "3000, 2900", "2000, 1990"})
    void matchesLogSpaceDefinitionAtHighUtilization(int c, double a) {
        double expected = LogSpace.erlangC(c, a);
        assertEquals(expected, ErlangC.probabilityOfWait(c, a), expected * 1e-9);
    }

    @Test
    void saturatedQueueAlwaysWaits() {
        assertEquals(1.0, ErlangC.probabilityOfWait(10, 10), 0);
        assertEquals(Double.POSITIVE_INFINITY, ErlangC.meanWaitSeconds(10, 1, 10, 1));
    }

    @Test
    void singleServerMeanWaitIsTheMm1Formula() {
        // M/M/1: Wq = ρ / (μ − λ); λ = 0.8/s, μ = 1/s → 4 s
        assertEquals(4.0, ErlangC.meanWaitSeconds(1, 0.8, 1.0, 1.0), 1e-12);
    }

    @Test
    void constantServiceHalvesTheWaitUnderAllenCunneen() {
        double exponential = ErlangC.meanWaitSeconds(20, 18, 1.0, 1.0);
        assertEquals(exponential / 2, ErlangC.meanWaitSeconds(20, 18, 1.0, 0.0), 1e-15);
        assertEquals(exponential * 2.5, ErlangC.meanWaitSeconds(20, 18, 1.0, 2.0), 1e-12);
    }

    @Test
    void waitQuantileInvertsTheTail() {
        double p99 = ErlangC.waitQuantileSeconds(50, 45, 1.0, 1.5, 0.99);
        assertTrue(p99 > 0);
        assertEquals(0.01, ErlangC.probabilityWaitExceeds(50, 45, 1.0, 1.5, p99), 1e-12);
    }

    @Test
    void quantileIsZeroWhenFewerThanThatShareWait() {
        // C(50, 30) is far below 1 %, so the p99 of the wait is 0
        assertTrue(ErlangC.probabilityOfWait(50, 30) < 0.01);
        assertEquals(0.0, ErlangC.waitQuantileSeconds(50, 30, 1.0, 1.0, 0.99), 0);
    }
}
