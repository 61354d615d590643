package io.headroom.planner.sizing;

/**
 * How the router queue behaves with a given replica count, in steady state.
 *
 * <p>Waits are doubles in seconds rather than {@code Duration}s: at the sizing rule's counts they are
 * often far below a nanosecond, and rounding them to {@code Duration}'s resolution would print a
 * wrong value.
 *
 * @param replicas          replicas
 * @param servers           replicas × concurrency: the concurrency slots (servers c)
 * @param offeredLoad       a = rps × latency, in Erlangs
 * @param utilization       a / c, the mean fraction of slots busy (may exceed 1: then the queue is unstable)
 * @param probabilityOfWait Erlang C, the fraction of requests that find every slot busy (1 when unstable)
 * @param meanWaitSeconds   M/M/c mean router queue wait with the Allen–Cunneen correction, seconds; null when unstable
 * @param p99WaitSeconds    M/M/c p99 of the router queue wait (Allen–Cunneen-scaled exponential tail), seconds; null when unstable
 * @param rejectionFraction M/M/c+D fraction of requests rejected with 503 because their wait would exceed the max wait
 */
public record QueueingCheck(int replicas, int servers, double offeredLoad, double utilization, double probabilityOfWait,
                            Double meanWaitSeconds, Double p99WaitSeconds, double rejectionFraction) {
    public QueueingCheck {
        if (replicas < 1 || servers < replicas) {
            throw new IllegalArgumentException("need replicas >= 1 and servers >= replicas but had " + replicas + ", " + servers);
        }
        if (!(probabilityOfWait >= 0 && probabilityOfWait <= 1) || !(rejectionFraction >= 0 && rejectionFraction <= 1)) {
            throw new IllegalArgumentException("probabilities must be in [0, 1] but were " + probabilityOfWait + ", " + rejectionFraction);
        }
        if ((meanWaitSeconds == null) != (p99WaitSeconds == null)) {
            throw new IllegalArgumentException("mean and p99 wait are both known (stable) or both null (unstable)");
        }
    }

    /** False when a &ge; c: the M/M/c queue grows without bound (only the router's max wait limits it). */
    public boolean stable() {
        return meanWaitSeconds != null;
    }
}
