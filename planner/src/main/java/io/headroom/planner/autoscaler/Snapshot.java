package io.headroom.planner.autoscaler;

/**
 * What a policy may look at when it decides: the replica states now, the instantaneous load, and
 * the load over time ({@link MetricWindow}).
 *
 * @param nowNanos simulated (or wall-clock) time since the start of the run
 * @param readyReplicas replicas that take traffic
 * @param startingReplicas replicas placed on a node and starting (scheduling, pulling, initialising)
 * @param crashLoopingReplicas replicas whose init() failed; they never become ready
 * @param pendingReplicas replicas waiting for a node with room
 * @param currentDesired the replica count the deployment is set to now (the last decision)
 * @param busySlots requests being served now
 * @param queuedRequests requests waiting in the router queue now
 * @param concurrencyPerReplica requests one replica serves at once
 * @param metrics the load over the recent past, in 1 s buckets
 */
public record Snapshot(long nowNanos, int readyReplicas, int startingReplicas, int crashLoopingReplicas, int pendingReplicas,
        int currentDesired, long busySlots, long queuedRequests, int concurrencyPerReplica, MetricWindow metrics) {
    public Snapshot {
        requireAtLeast("nowNanos", nowNanos, 0);
        requireAtLeast("readyReplicas", readyReplicas, 0);
        requireAtLeast("startingReplicas", startingReplicas, 0);
        requireAtLeast("crashLoopingReplicas", crashLoopingReplicas, 0);
        requireAtLeast("pendingReplicas", pendingReplicas, 0);
        requireAtLeast("currentDesired", currentDesired, 0);
        requireAtLeast("busySlots", busySlots, 0);
        requireAtLeast("queuedRequests", queuedRequests, 0);
        requireAtLeast("concurrencyPerReplica", concurrencyPerReplica, 1);
        if (metrics == null) {
            throw new IllegalArgumentException("a snapshot needs its metrics window");
        }
    }

    private static void requireAtLeast(String field, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException("snapshot " + field + " must be >= " + least + " but was " + value);
        }
    }

    /**
     * A snapshot of a load that has been steady: the metrics window reads the instantaneous
     * {@code busy + queued} for every window. {@code notReady} replicas are all starting.
     */
    public static Snapshot steady(long nowNanos, int ready, int notReady, int desired, long busy, long queued, int concurrency) {
        return new Snapshot(nowNanos, ready, notReady, 0, 0, desired, busy, queued, concurrency,
                MetricWindow.steady(busy + queued, ready));
    }

    /** Requests in the system now: being served plus waiting. */
    public long inFlight() {
        return busySlots + queuedRequests;
    }

    /** Replicas asked for that do not take traffic: starting, crash-looping and pending. */
    public int notReadyReplicas() {
        return startingReplicas + crashLoopingReplicas + pendingReplicas;
    }

    /** Concurrency slots of the ready replicas. */
    public long readySlots() {
        return (long) readyReplicas * concurrencyPerReplica;
    }
}
