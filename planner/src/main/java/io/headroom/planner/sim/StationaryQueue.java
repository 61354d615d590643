package io.headroom.planner.sim;

/**
 * What {@link FastEngine} reads within one time step from a steady-state queueing model of the
 * requests' way to a slot, at the ready slots and the modified offered load: azureml-fe's central
 * queue ({@link StationaryRouter}), or a balancer's per-replica queues ({@link ReplicaQueueStationary},
 * {@link ShortestQueueStationary}). Mutable, one thread; owned by the engine.
 */
abstract sealed class StationaryQueue permits StationaryRouter, ReplicaQueueStationary, ShortestQueueStationary {
    /** The result of the last {@link #solve}: read these until the next call. Share of arrivals answered 503. */
    double rejectedShare;
    /** Share of arrivals that wait (central queue: rejected ones included, they wait the max wait first). */
    double waitingShare;
    /** Mean time in a queue over all arrivals, seconds. */
    double meanWaitSeconds;
    /** How the served requests that waited spread over {@link StationaryRouter#WAIT_BINS} equal bins of (0, horizon). */
    double[] servedWaitShares;
    /** Share of an arrival still in the queue at ages (i + ½)·step, i = 0 .. {@link #ages()} − 1 (the central queue only). */
    double[] stillWaitingShares;
    /** Share of arrivals still waiting at the timeout, answered 504 then (per-replica routing; 0 for the central queue). */
    double timedOutShare;

    /** Steady state at {@code slots} ≥ 1 ready slots and {@code offeredErlangs} ≥ 0: sets the fields above. */
    abstract void solve(int slots, double offeredErlangs);

    /** How many step ages an arrival can spend in the queue. */
    abstract int ages();
}
