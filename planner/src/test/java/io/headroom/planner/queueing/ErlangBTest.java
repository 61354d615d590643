package io.headroom.planner.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErlangBTest {
    @Test
    void zeroServersBlockEveryArrival() {
        assertEquals(1.0, ErlangB.blocking(0, 3.7), 0);
    }

    @ParameterizedTest
    @CsvSource({"0.5", "1", "3", "0.01"})
    void singleServerIsLoadOverOnePlusLoad(double a) {
        assertEquals(a / (1 + a), ErlangB.blocking(1, a), 1e-15);
    }

    @ParameterizedTest
    @CsvSource({"0.5", "1.5", "2", "7"})
    void twoServersMatchHandDerivedClosedForm(double a) {
        // B(2, a) = (a²/2) / (1 + a + a²/2), from the definition
        assertEquals(a * a / 2 / (1 + a + a * a / 2), ErlangB.blocking(2, a), 1e-15);
    }

    /**
     * Published Erlang B table values (e.g. the Erlang B tables in Gross &amp; Harris, and any
     * telephony traffic table: 10 trunks at 5 Erlangs block 1.84 %, 50 trunks at 40 Erlangs block 1.87 %),
     * given there to 4–5 digits; re-derived to 10 digits with 50-digit arithmetic (mpmath) before pinning.
     * Tolerance 5e-7 absolute: finer than the tables' last digit.
     */
    @ParameterizedTest
    @CsvSource({"10, 5, 0.0183845703", "50, 40, 0.0186906711"})
    void matchesPublishedTableValues(int c, double a, double expected) {
        assertEquals(expected, ErlangB.blocking(c, a), 5e-7);
    }

    /** Large systems near saturation against the log-space definition; relative tolerance 1e-9. */
    @ParameterizedTest
    @CsvSource({"500, 475", "1000, 960", "3000, 2900", "5000, 4990", "800, 1200"})
    void matchesLogSpaceDefinitionForThousandsOfServers(int c, double a) {
        double expected = LogSpace.erlangB(c, a);
        assertEquals(expected, ErlangB.blocking(c, a), expected * 1e-9);
    }

    @Test
    void staysFiniteForHundredThousandServers() {
        double b = ErlangB.blocking(100_000, 99_000);
        assertTrue(b > 0 && b < 0.01, "B(100000, 99000) = " + b);
    }

    @Test
    void rejectsNegativeServers() {
        assertThrows(IllegalArgumentException.class, () -> ErlangB.blocking(-1, 1));
    }
}
