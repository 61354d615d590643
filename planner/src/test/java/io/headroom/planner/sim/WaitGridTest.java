package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link WaitGrid}: edges that rise to the horizon, fine at both ends, a bin lookup that inverts them, and scaled shares
 * that land where the lookup puts each scaled midpoint.
 */
class WaitGridTest {
    @Test
    void edgesAreGeometricNearZeroEqualInTheMiddleAndGeometricTowardsTheHorizon() {
        for (int b = 1; b < WaitGrid.LOW; b++) {
            assertEquals(Math.cbrt(2), WaitGrid.upper(b) / WaitGrid.upper(b - 1), 1e-12, "low edge " + b);
        }
        assertEquals(1.0 / 16, WaitGrid.upper(WaitGrid.LOW - 1), 1e-12);
        double width = (1 - 2.0 / 16) / WaitGrid.MIDDLE;
        for (int b = WaitGrid.LOW; b < WaitGrid.LOW + WaitGrid.MIDDLE; b++) {
            assertEquals(width, WaitGrid.upper(b) - WaitGrid.upper(b - 1), 1e-12, "middle edge " + b);
        }
        assertEquals(15.0 / 16, WaitGrid.upper(WaitGrid.LOW + WaitGrid.MIDDLE - 1), 1e-12);
        for (int b = WaitGrid.LOW + WaitGrid.MIDDLE + 1; b < WaitGrid.BINS - 1; b++) {
            assertEquals(Math.sqrt(2), (1 - WaitGrid.upper(b - 1)) / (1 - WaitGrid.upper(b)), 1e-9, "high edge " + b);
        }
        assertEquals(1, WaitGrid.upper(WaitGrid.BINS - 1));
        for (int b = 1; b < WaitGrid.BINS; b++) {
            assertTrue(WaitGrid.upper(b) > WaitGrid.upper(b - 1), "rising at " + b);
        }
    }

    @Test
    void theBinOfAWaitHoldsIt() {
        for (int b = 0; b < WaitGrid.BINS; b++) {
            double low = b == 0 ? 0 : WaitGrid.upper(b - 1);
            assertEquals(b, WaitGrid.bin(WaitGrid.middle(b)), "middle of " + b);
            assertEquals(b, WaitGrid.bin(WaitGrid.upper(b)), "upper edge of " + b);
            assertEquals(b, WaitGrid.bin(Math.nextUp(low)), "just above the lower edge of " + b);
        }
        assertEquals(0, WaitGrid.bin(0));
        assertEquals(0, WaitGrid.bin(-1));
        assertEquals(WaitGrid.BINS - 1, WaitGrid.bin(2));
        assertEquals(0, WaitGrid.bin(Double.NaN));
    }

    @Test
    void scaledSharesLandInTheBinOfEachScaledMidpoint() {
        double[] shares = new double[WaitGrid.BINS];
        for (int b = 0; b < shares.length; b++) {
            shares[b] = b % 3 == 1 ? 0 : 1.0 / (b + 1);
        }
        for (double scale : new double[] {0, 1e-4, 0.013, 0.37, 0.5, 0.999, 1, 1.7}) {
            double[] expected = new double[WaitGrid.BINS];
            for (int b = 0; b < shares.length; b++) {
                if (shares[b] > 0) {
                    expected[WaitGrid.bin(scale * WaitGrid.middle(b))] += shares[b];
                }
            }
            double[] into = new double[WaitGrid.BINS];
            java.util.Arrays.fill(into, 9);
            assertTrue(java.util.Arrays.equals(expected, WaitGrid.scaled(shares, scale, into)), "scale " + scale);
        }
    }
}
