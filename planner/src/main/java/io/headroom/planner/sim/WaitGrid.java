package io.headroom.planner.sim;

import java.util.Arrays;

/**
 * The bins of the fast engine's waits, as fractions of the longest wait tracked (the horizon H: the
 * central queue's max wait, a balancer's wait behind a full queue or the timeout): {@value #BINS}
 * bins, fine at both ends. Below H/16, {@value #LOW} geometric bins, each 2<sup>1/3</sup> times the
 * one before, down to H/1290 at the first edge: the waits of a queue that is not full are short
 * against H (behind a balancer H is the wait behind a full queue of, by default, many requests;
 * M/M/1's sojourn time, exponential with mean 200 ms at ρ 0.5, has H 9.5 s), and 16 equal bins put
 * every such wait at H/32 or more: the fast engine's p50 there was 505 ms against 139
 * ({@code FastLatencyTheoryTest}). Between H/16 and 15H/16, {@value #MIDDLE} equal bins. Above it,
 * {@value #HIGH} bins whose distances from H shrink by √2 each, down to H/181: in overload a
 * central queue's served requests wait within a millisecond of its max wait (M/M/c+D), which the
 * equal bins put 1/32 of H short. A bin stands for its midpoint; the mean wait is kept apart,
 * exactly. Stateless.
 */
final class WaitGrid {
    /** Geometric bins below H/16. */
    static final int LOW = 20;
    /** Equal bins from H/16 to 15H/16. */
    static final int MIDDLE = 12;
    /** Bins above 15H/16, their distances from H geometric. */
    static final int HIGH = 8;
    /** Bins over (0, H]. */
    static final int BINS = LOW + MIDDLE + HIGH;
    private static final double[] UPPER = new double[BINS];

    static {
        double sixteenth = 1.0 / 16;
        for (int b = 0; b < LOW; b++) {
            UPPER[b] = sixteenth * Math.pow(2, (b - (LOW - 1)) / 3.0);
        }
        for (int b = 0; b < MIDDLE; b++) {
            UPPER[LOW + b] = sixteenth + (1 - 2 * sixteenth) * (b + 1) / MIDDLE;
        }
        for (int b = 0; b < HIGH - 1; b++) {
            UPPER[LOW + MIDDLE + b] = 1 - sixteenth * Math.pow(2, -(b + 1) / 2.0);
        }
        UPPER[BINS - 1] = 1;
    }

    private WaitGrid() {
    }

    /** The upper edge of bin {@code b}, a fraction of the horizon (1 for the last). */
    static double upper(int b) {
        return UPPER[b];
    }

    /** The midpoint of bin {@code b}, a fraction of the horizon: what a wait in it is recorded as. */
    static double middle(int b) {
        return ((b == 0 ? 0 : UPPER[b - 1]) + UPPER[b]) / 2;
    }

    /** {@code shares} over the bins with every wait times {@code scale}, into {@code into} (returned). */
    static double[] scaled(double[] shares, double scale, double[] into) {
        Arrays.fill(into, 0);
        // the scaled midpoints ascend with b, so their bins are found by one walk up the edges (as bin() finds each)
        int at = 0;
        for (int b = 0; b < shares.length; b++) {
            if (shares[b] > 0) {
                double fraction = scale * middle(b);
                while (at < BINS - 1 && UPPER[at] < fraction) {
                    at++;
                }
                into[at] += shares[b];
            }
        }
        return into;
    }

    /** The bin of a wait of {@code fraction} of the horizon: the first whose upper edge is at or above it (clamped to the grid). */
    static int bin(double fraction) {
        if (!(fraction > 0)) {
            return 0;
        }
        int i = Arrays.binarySearch(UPPER, fraction);
        return Math.min(BINS - 1, i >= 0 ? i : -i - 1);
    }
}
