package io.headroom.planner.sim;

import org.HdrHistogram.Histogram;

/**
 * Outcome counts and a latency histogram for the few most recent seconds, in a ring: a second's
 * outcomes are all known at most one queue-wait limit after it ends, then it is turned into a
 * timeline row and its slot reused. Memory therefore depends on the wait limit, not on the run's
 * length. Mutable; engine-only.
 */
final class SecondAccumulators {
    final long[] arrivals;
    final long[] ok;
    final long[] rejected503;
    final long[] timeout504;
    final long[] error502;
    final Histogram[] latencyMicros;
    private final int size;

    SecondAccumulators(int size, long highestLatencyMicros) {
        this.size = size;
        arrivals = new long[size];
        ok = new long[size];
        rejected503 = new long[size];
        timeout504 = new long[size];
        error502 = new long[size];
        latencyMicros = new Histogram[size];
        for (int i = 0; i < size; i++) {
            latencyMicros[i] = new Histogram(highestLatencyMicros, 2);
        }
    }

    int slot(int second) {
        return second % size;
    }

    void clear(int slot) {
        arrivals[slot] = 0;
        ok[slot] = 0;
        rejected503[slot] = 0;
        timeout504[slot] = 0;
        error502[slot] = 0;
        latencyMicros[slot].reset();
    }
}
