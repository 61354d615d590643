package io.headroom.planner.sim;

/**
 * A stationary model's direct-mapped memo ({@link StationaryRouter}, {@link ReplicaQueueStationary}): which
 * (slots, load key) each of its {@code 1 << bits} entries holds and the results solved into it, the fields of
 * {@link StationaryQueue} that {@link #read} hands back. Mutable, one thread.
 */
final class StationaryMemo {
    private final int bits;
    private final int[] slotsKey;
    private final long[] loadKey;
    private final boolean[] filled;
    /** Per entry, the solved {@link StationaryQueue} fields: written by the model's fill, read by {@link #read}. */
    final double[] rejected;
    final double[] waiting;
    final double[] meanWait;
    final double[] timedOut;
    final double[][] waitShares;

    /** A memo of {@code 1 << bits} entries whose served waits spread over {@code waitBins} bins. */
    StationaryMemo(int bits, int waitBins) {
        int size = 1 << bits;
        this.bits = bits;
        this.slotsKey = new int[size];
        this.loadKey = new long[size];
        this.filled = new boolean[size];
        this.rejected = new double[size];
        this.waiting = new double[size];
        this.meanWait = new double[size];
        this.timedOut = new double[size];
        this.waitShares = new double[size][waitBins];
    }

    /** The entry for {@code slots} and a load's key ({@link StationaryQueue#loadKey}). */
    int index(int slots, long key) {
        return (int) ((slots * 0x9E3779B1L + key * 0xC2B2AE3D27D4EB4FL) >>> (64 - bits)) & ((1 << bits) - 1);
    }

    /** Whether entry {@code i} held another state (or none) and is now this one's: the caller solves it into the entry. */
    boolean claim(int i, int slots, long key) {
        if (filled[i] && slotsKey[i] == slots && loadKey[i] == key) {
            return false;
        }
        filled[i] = true;
        slotsKey[i] = slots;
        loadKey[i] = key;
        return true;
    }

    /** Entry {@code i} holds the state of no load: nobody is refused or waits. */
    void clear(int i) {
        rejected[i] = 0;
        waiting[i] = 0;
        meanWait[i] = 0;
        timedOut[i] = 0;
        java.util.Arrays.fill(waitShares[i], 0);
    }

    /** Sets {@code q}'s results to entry {@code i}'s. */
    void read(int i, StationaryQueue q) {
        q.rejectedShare = rejected[i];
        q.waitingShare = waiting[i];
        q.meanWaitSeconds = meanWait[i];
        q.timedOutShare = timedOut[i];
        q.servedWaitShares = waitShares[i];
    }
}
