package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link WaitGrid}: edges that rise to the horizon, geometric below the equal top bins, and a bin lookup that inverts them. */
class WaitGridTest {
    @Test
    void edgesRiseGeometricallyThenEquallyToTheHorizon() {
        double ratio = WaitGrid.upper(1) / WaitGrid.upper(0);
        int geometric = WaitGrid.BINS - WaitGrid.LINEAR;
        for (int b = 1; b < geometric; b++) {
            assertEquals(ratio, WaitGrid.upper(b) / WaitGrid.upper(b - 1), 1e-12, "geometric edge " + b);
        }
        assertEquals(1.0 / WaitGrid.LINEAR, WaitGrid.upper(geometric - 1), 1e-12);
        double width = WaitGrid.upper(geometric) - WaitGrid.upper(geometric - 1);
        for (int b = geometric; b < WaitGrid.BINS; b++) {
            assertEquals(width, WaitGrid.upper(b) - WaitGrid.upper(b - 1), 1e-12, "equal bin " + b);
        }
        assertEquals(1, WaitGrid.upper(WaitGrid.BINS - 1));
        assertTrue(ratio > 1 && ratio < 1.5, "ratio " + ratio);
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
}
