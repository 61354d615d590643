package io.headroom.planner.sim;

/**
 * The bins of the fast engine's waits, as fractions of the longest wait tracked (the horizon H: the
 * central queue's max wait, a balancer's wait behind a full queue or the timeout): {@value #BINS}
 * bins, the upper {@value #LINEAR} equal over (H/{@value #LINEAR}, H] and the lower ones geometric
 * below it, each √2 times the one before, down to H/2896 at the first edge. The waits of a queue that
 * is not full are short against H (behind a balancer H is the wait behind a full queue of, by
 * default, many requests; M/M/1's sojourn time, exponential with mean 200 ms at ρ 0.5, has H 9.5 s),
 * and 16 equal bins put every such wait at H/32 or more: the fast engine's p50 there was 505 ms
 * against 139 (FastLatencyTheoryTest). A full central queue's waits spread up to H, where the equal
 * bins keep 1/16 of it. A bin stands for its midpoint; the mean wait is kept apart, exactly.
 * Stateless.
 */
final class WaitGrid {
    /** Bins over (0, H]. */
    static final int BINS = 40;
    /** The equal bins at the top. */
    static final int LINEAR = 16;
    /** Ratio of one geometric bin's edge to the one below it. */
    private static final double RATIO = Math.pow(2, 1.0 / 3);
    private static final double[] UPPER = new double[BINS];

    static {
        double top = 1.0 / LINEAR;
        int geometric = BINS - LINEAR;
        for (int b = 0; b < geometric; b++) {
            UPPER[b] = top * Math.pow(RATIO, b - (geometric - 1));
        }
        for (int b = geometric; b < BINS; b++) {
            UPPER[b] = top + (1 - top) * (b - geometric + 1) / LINEAR;
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

    /** The bin of a wait of {@code fraction} of the horizon (clamped to the grid). */
    static int bin(double fraction) {
        if (!(fraction > UPPER[0])) {
            return 0;
        }
        if (fraction >= 1) {
            return BINS - 1;
        }
        int geometric = BINS - LINEAR;
        if (fraction > UPPER[geometric - 1]) {
            double top = UPPER[geometric - 1];
            int b = geometric + (int) Math.ceil((fraction - top) / (1 - top) * LINEAR) - 1;
            return Math.min(BINS - 1, Math.max(geometric, b));
        }
        int b = (geometric - 1) - (int) Math.floor(Math.log(UPPER[geometric - 1] / fraction) / Math.log(RATIO));
        // the logarithm's rounding at an edge: step to the bin whose edges hold it
        while (b > 0 && fraction <= UPPER[b - 1]) {
            b--;
        }
        while (fraction > UPPER[b]) {
            b++;
        }
        return b;
    }
}
