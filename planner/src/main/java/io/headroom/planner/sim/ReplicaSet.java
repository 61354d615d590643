package io.headroom.planner.sim;

import io.headroom.planner.dist.DurationSampler;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * The replica bookkeeping of one autoscaled deployment: ready, starting (each with the time it
 * becomes ready), crash-looping and pending replicas, and the desired count. Mutable, one thread
 * only: the simulator's {@link Engine} drives it on simulated time, the emulated endpoint
 * ({@code headroom target}) on the wall clock — the same rules in both worlds.
 *
 * <p>The rules, without a clock of their own:
 * a new replica takes a node if the cluster has room, else it is pending; a placed replica draws
 * whether it crash-loops (forever) and its startup time, both draws always taken, in that order;
 * scaling down removes pending, then crash-looping, then starting replicas (the one that would be
 * ready latest first), then ready ones, the most recently ready first (as the Kubernetes ReplicaSet
 * controller ranks pods for deletion); pending replicas take nodes freed by a scale-down.
 * Times are nanoseconds on the caller's clock. Driven by {@link RouterModel}.
 */
public final class ReplicaSet {
    private long clusterCapacity;
    private final DurationSampler startupTime;
    private final double startupFailureRate;
    private final SplittableRandom startupRandom;

    /** Ready-at times of starting replicas, sorted ascending in {@code [0, startingCount)}. */
    private long[] startingReadyAtNanos = new long[8];
    /** When each starting replica was placed (its pod started), in the order of {@link #startingReadyAtNanos}. */
    private long[] startingStartedNanos = new long[8];
    private int startingCount;
    /** Since when each ready replica has been ready, ascending in {@code [0, ready)}; warm ones since {@link Long#MIN_VALUE}. */
    private long[] readySinceNanos = new long[8];
    /** When each ready replica was placed, in the order of {@link #readySinceNanos}; warm ones {@link Long#MIN_VALUE}. */
    private long[] readyStartedNanos = new long[8];
    private int ready;
    private int crashLooping;
    private int pending;
    private int desired;
    private long pendingSinceNanos = -1;

    /**
     * {@code initial} replicas, ready and warm at time 0 as far as the cluster holds them; the rest pending.
     *
     * @param clusterCapacity replicas the cluster's nodes hold ({@link Long#MAX_VALUE} without a cluster)
     */
    public ReplicaSet(int initial, long clusterCapacity, DurationSampler startupTime, double startupFailureRate,
            SplittableRandom startupRandom) {
        if (initial < 0 || clusterCapacity < 0) {
            throw new IllegalArgumentException("initial replicas and cluster capacity must be >= 0");
        }
        this.clusterCapacity = clusterCapacity;
        this.startupTime = startupTime;
        this.startupFailureRate = startupFailureRate;
        this.startupRandom = startupRandom;
        this.desired = initial;
        int warm = (int) Math.min(initial, clusterCapacity);
        for (int i = 0; i < warm; i++) {
            addReady(Long.MIN_VALUE, Long.MIN_VALUE);
        }
        this.pending = initial - ready;
        if (pending > 0) {
            pendingSinceNanos = 0;
        }
    }

    public int ready() {
        return ready;
    }

    /** Replicas placed and starting, crash-looping ones excluded. */
    public int startingOnly() {
        return startingCount;
    }

    public int crashLooping() {
        return crashLooping;
    }

    public int pending() {
        return pending;
    }

    public int desired() {
        return desired;
    }

    /** Since when replicas have been pending, or -1 when none is. */
    public long pendingSinceNanos() {
        return pendingSinceNanos;
    }

    /** Replicas asked for that are not ready: starting, crash-looping and pending (what a {@code Snapshot} calls starting). */
    public int notReady() {
        return startingCount + crashLooping + pending;
    }

    /** Replicas holding a node: ready, starting and crash-looping. */
    public int placed() {
        return ready + startingCount + crashLooping;
    }

    /** The earliest time a starting replica becomes ready, or {@link Long#MAX_VALUE}. */
    public long nextReadyAtNanos() {
        return startingCount == 0 ? Long.MAX_VALUE : startingReadyAtNanos[0];
    }

    /**
     * Starting replicas whose startup has ended by {@code nowNanos} become ready.
     *
     * @return how many became ready
     */
    public int promoteDue(long nowNanos) {
        int due = 0;
        while (due < startingCount && startingReadyAtNanos[due] <= nowNanos) {
            due++;
        }
        for (int i = 0; i < due; i++) {
            addReady(startingReadyAtNanos[i], startingStartedNanos[i]);
        }
        if (due > 0) {
            System.arraycopy(startingReadyAtNanos, due, startingReadyAtNanos, 0, startingCount - due);
            System.arraycopy(startingStartedNanos, due, startingStartedNanos, 0, startingCount - due);
            startingCount -= due;
        }
        return due;
    }

    private void addReady(long sinceNanos, long startedNanos) {
        if (ready == readySinceNanos.length) {
            readySinceNanos = Arrays.copyOf(readySinceNanos, ready * 2);
            readyStartedNanos = Arrays.copyOf(readyStartedNanos, ready * 2);
        }
        readyStartedNanos[ready] = startedNanos;
        readySinceNanos[ready++] = sinceNanos;
    }

    /**
     * Ready replicas still in their initialization, as the HPA's CPU pod grouping sees them: started
     * after {@code startedAfterNanos} and ready after {@code readyAfterNanos} (both exclusive).
     */
    public int readyStartedAndReadyAfter(long startedAfterNanos, long readyAfterNanos) {
        int count = 0;
        for (int i = ready - 1; i >= 0 && readySinceNanos[i] > readyAfterNanos; i--) {
            if (readyStartedNanos[i] > startedAfterNanos) {
                count++;
            }
        }
        return count;
    }

    /** Ready replicas that have been ready since {@code sinceNanos} or earlier. */
    public int readySinceAtMost(long sinceNanos) {
        int lo = 0;
        int hi = ready;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (readySinceNanos[mid] <= sinceNanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Sets the deployment to {@code target} replicas, as the simulator does.
     *
     * @param onStarting told the ready-at time of every replica that starts now
     */
    public void scaleTo(int target, long nowNanos, LongConsumer onStarting) {
        int total = placed() + pending;
        for (int i = total; i < target; i++) {
            if (placed() < clusterCapacity) {
                startReplica(nowNanos, onStarting);
            } else {
                if (pending == 0) {
                    pendingSinceNanos = nowNanos;
                }
                pending++;
            }
        }
        int remove = total - target;
        int fromPending = Math.min(Math.max(remove, 0), pending);
        pending -= fromPending;
        remove -= fromPending;
        int fromCrashLooping = Math.min(Math.max(remove, 0), crashLooping);
        crashLooping -= fromCrashLooping;
        remove -= fromCrashLooping;
        int fromStarting = Math.min(Math.max(remove, 0), startingCount);
        startingCount -= fromStarting;
        remove -= fromStarting;
        ready -= Math.min(Math.max(remove, 0), ready);
        while (pending > 0 && placed() < clusterCapacity) {
            pending--;
            startReplica(nowNanos, onStarting);
        }
        if (pending == 0) {
            pendingSinceNanos = -1;
        }
        desired = target;
    }

    /**
     * The cluster's nodes now hold {@code capacity} replicas (a node arrived or left); Pending
     * replicas take any new room at once.
     */
    public void capacityChanged(long capacity, long nowNanos, LongConsumer onStarting) {
        clusterCapacity = capacity;
        while (pending > 0 && placed() < clusterCapacity) {
            pending--;
            startReplica(nowNanos, onStarting);
        }
        if (pending == 0) {
            pendingSinceNanos = -1;
        }
    }

    private void startReplica(long nowNanos, LongConsumer onStarting) {
        boolean crashes = startupRandom.nextDouble() < startupFailureRate;
        long startupNanos = startupTime.sampleNanos(startupRandom);
        if (crashes) {
            crashLooping++;
            return;
        }
        long readyAt = nowNanos + startupNanos;
        if (startingCount == startingReadyAtNanos.length) {
            startingReadyAtNanos = Arrays.copyOf(startingReadyAtNanos, startingCount * 2);
            startingStartedNanos = Arrays.copyOf(startingStartedNanos, startingCount * 2);
        }
        int at = startingCount;
        while (at > 0 && startingReadyAtNanos[at - 1] > readyAt) {
            startingReadyAtNanos[at] = startingReadyAtNanos[at - 1];
            startingStartedNanos[at] = startingStartedNanos[at - 1];
            at--;
        }
        startingReadyAtNanos[at] = readyAt;
        startingStartedNanos[at] = nowNanos;
        startingCount++;
        onStarting.accept(readyAt);
    }
}
