package io.headroom.planner.sim;

import io.headroom.planner.queueing.OrderedEntry;

/**
 * Under {@code service.slowdown}, behind Knative's activator in the path: the mean in flight a start sees on its
 * replica, itself included, under the first-available policy's ordered entry ({@link OrderedEntry}), at the fluid
 * busy count on the ready slots. Its cost is a recursion over the busy slots, so the last result is kept for a
 * busy count within a relative {@value #RESOLUTION} (always computed at the key's representative count, so it
 * does not depend on which count came first) and the same ready replicas. Mutable, one thread; owned by
 * {@link FastEngine}.
 */
final class ActivatorPacking {
    /** Relative resolution of the busy count. */
    static final double RESOLUTION = 1e-3;

    private final int concurrency;
    private long key = Long.MIN_VALUE;
    private int ready = -1;
    private double seen = 1;

    ActivatorPacking(int concurrency) {
        this.concurrency = concurrency;
    }

    /** The mean in flight a start sees at {@code busy} busy slots on {@code readyReplicas} ready replicas. */
    double meanSeen(double busy, int readyReplicas) {
        long k = Math.round(Math.log1p(Math.max(0, busy)) / RESOLUTION);
        if (k != key || readyReplicas != ready) {
            key = k;
            ready = readyReplicas;
            seen = OrderedEntry.meanSeen(Math.expm1(k * RESOLUTION), concurrency, readyReplicas * concurrency);
        }
        return seen;
    }
}
