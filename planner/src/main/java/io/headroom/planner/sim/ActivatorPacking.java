package io.headroom.planner.sim;

import io.headroom.planner.queueing.OrderedEntry;
import java.util.Arrays;

/**
 * Under {@code service.slowdown}, behind Knative's activator in the path: the mean in flight a start sees on its
 * replica, itself included, under the first-available policy's ordered entry ({@link OrderedEntry}), at the fluid
 * busy count on the ready slots. Its cost is a recursion over the busy slots, so results are kept per busy count
 * within a relative {@value #RESOLUTION} (always computed at the key's representative count, so a result does not
 * depend on which count came first) while the ready replicas stay the same: the policy's sample path visits the same
 * few hundred keys step after step. Mutable, one thread; owned by {@link FastEngine}, which asks it for its fluid's
 * starts and its policy's sample path alike.
 */
final class ActivatorPacking {
    /** Relative resolution of the busy count. */
    static final double RESOLUTION = 1e-3;

    private final int concurrency;
    private int ready = -1;
    /** Results by key (NaN: not computed yet) for {@link #ready} replicas. */
    private double[] seen = new double[0];

    ActivatorPacking(int concurrency) {
        this.concurrency = concurrency;
    }

    /** The mean in flight a start sees at {@code busy} busy slots on {@code readyReplicas} ready replicas. */
    double meanSeen(double busy, int readyReplicas) {
        int k = (int) Math.round(Math.log1p(Math.max(0, busy)) / RESOLUTION);
        if (readyReplicas != ready) {
            ready = readyReplicas;
            Arrays.fill(seen, Double.NaN);
        }
        if (k >= seen.length) {
            int old = seen.length;
            seen = Arrays.copyOf(seen, Math.max(k + 1, 2 * old));
            Arrays.fill(seen, old, seen.length, Double.NaN);
        }
        if (Double.isNaN(seen[k])) {
            seen[k] = OrderedEntry.meanSeen(Math.expm1(k * RESOLUTION), concurrency, readyReplicas * concurrency);
        }
        return seen[k];
    }
}
