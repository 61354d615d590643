package io.headroom.planner.autoscaler;

/**
 * What a policy may look at when it decides.
 *
 * @param nowNanos simulated (or wall-clock) time since the start of the run
 * @param readyReplicas replicas that take traffic
 * @param startingReplicas replicas asked for that are not ready yet (scheduling, pulling,
 *     initialising, crash-looping or pending for want of a node)
 * @param currentDesired the replica count the deployment is set to now (last decision)
 * @param busySlots requests being served
 * @param queuedRequests requests waiting in the router queue
 * @param concurrencyPerReplica requests one replica serves at once
 */
public record Snapshot(long nowNanos, int readyReplicas, int startingReplicas, int currentDesired,
        long busySlots, long queuedRequests, int concurrencyPerReplica) {
    public Snapshot {
        if (nowNanos < 0 || readyReplicas < 0 || startingReplicas < 0 || currentDesired < 0 || busySlots < 0
                || queuedRequests < 0 || concurrencyPerReplica < 1) {
            throw new IllegalArgumentException("a snapshot holds no negative counts: " + nowNanosText(nowNanos));
        }
    }

    private static String nowNanosText(long nowNanos) {
        return "at " + nowNanos + " ns";
    }

    /** Requests in the system: being served plus waiting. */
    public long inFlight() {
        return busySlots + queuedRequests;
    }

    /**
     * (busy + queued) / (ready × concurrency): the azureml-fe utilization. Infinite when requests are
     * in flight and no replica is ready; 0 when nothing is in flight.
     */
    public double utilization() {
        long slots = (long) readyReplicas * concurrencyPerReplica;
        if (inFlight() == 0) {
            return 0;
        }
        return slots == 0 ? Double.POSITIVE_INFINITY : inFlight() / (double) slots;
    }
}
