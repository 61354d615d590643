package io.headroom.planner.sim;

/**
 * The fast engine's grid of served requests' waits ({@link FluidRecorder}): bin 0 is no wait, 1 + b is
 * {@link WaitGrid} bin b over (0, max wait], and with a longest wait beyond the max wait (Knative's
 * activator; least-in-flight's spread up to the timeout) {@value #TAIL_BINS} more bins spaced
 * geometrically over (max wait, longest wait). Each bin is recorded as one wait ({@link #micros}): a
 * {@link WaitGrid} bin's midpoint, a tail bin's geometric middle. Behind least-in-flight a wait is not
 * put in one bin but spread over a replica's departures ({@link DepartureSpread}). Immutable.
 */
final class WaitBins {
    /** Geometric bins of the waits beyond the max wait, up to the longest (the tail grid). */
    static final int TAIL_BINS = 16;

    private final double limitSeconds;
    /** The tail grid's log step; 0 without a tail. */
    private final double tailLogStep;
    private final long[] micros;
    /** How a wait spreads over a replica's departures; null: it stays in its bin. */
    private final DepartureSpread spread;

    WaitBins(long waitLimitNanos, long longestWaitNanos, DepartureSpread spread) {
        this.limitSeconds = waitLimitNanos / 1e9;
        this.spread = spread;
        boolean tail = longestWaitNanos > waitLimitNanos && waitLimitNanos > 0;
        this.tailLogStep = tail ? Math.log((double) longestWaitNanos / waitLimitNanos) / TAIL_BINS : 0;
        this.micros = new long[1 + WaitGrid.BINS + (tail ? TAIL_BINS : 0)];
        for (int b = 0; b < WaitGrid.BINS; b++) {
            micros[b + 1] = Math.round(waitLimitNanos / 1000.0 * WaitGrid.middle(b));
        }
        for (int b = WaitGrid.BINS + 1; b < micros.length; b++) {
            // the tail bin's geometric middle
            double middle = limitSeconds * Math.exp(tailLogStep * (b - WaitGrid.BINS - 0.5));
            micros[b] = Math.round(middle * 1e6);
        }
    }

    /** How many bins, the no-wait bin included. */
    int count() {
        return micros.length;
    }

    /** The max wait: the horizon of the {@link WaitGrid} bins. */
    double limitSeconds() {
        return limitSeconds;
    }

    /** The wait bin {@code bin} stands for, in microseconds. */
    long micros(int bin) {
        return micros[bin];
    }

    /**
     * The bin of a wait of {@code waitSeconds} in (0, longest wait]: 1 + the {@link WaitGrid} bin of its share of the
     * max wait, or beyond the max wait (with a tail grid) the tail's bin.
     */
    int binAt(double waitSeconds) {
        if (tailLogStep == 0 || waitSeconds <= limitSeconds) {
            return 1 + WaitGrid.bin(waitSeconds / limitSeconds);
        }
        int b = (int) (Math.log(waitSeconds / limitSeconds) / tailLogStep);
        return 1 + WaitGrid.BINS + Math.min(TAIL_BINS - 1, Math.max(0, b));
    }

    /** Adds {@code count} requests that waited {@code waitSeconds} to {@code waits} (one second's bins): its bin, or spread. */
    void add(double[] waits, double waitSeconds, double count) {
        if (spread == null) {
            waits[binAt(waitSeconds)] += count;
            return;
        }
        for (int j = 0; j < DepartureSpread.POINTS; j++) {
            waits[binAt(spread.wait(waitSeconds, j))] += count * DepartureSpread.weight(j);
        }
    }

    /** Adds {@code count} requests of the stationary queue's {@link WaitGrid} bin {@code b} (its midpoint's wait, spread). */
    void addStationary(double[] waits, int b, double count) {
        if (spread == null) {
            waits[1 + b] += count;
        } else if (count > 0) {
            add(waits, limitSeconds * WaitGrid.middle(b), count);
        }
    }
}
