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
 * @param meanWaitSeconds   M/M/c+D mean router queue wait over all requests (a rejected one counts the max wait), seconds;
 *                          at most the max wait
 * @param p99WaitSeconds    M/M/c+D p99 of the router queue wait, seconds; at most the max wait
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
        if (meanWaitSeconds == null || p99WaitSeconds == null || !(meanWaitSeconds >= 0) || !(p99WaitSeconds >= 0)) {
            throw new IllegalArgumentException("mean and p99 wait must be >= 0 s but were " + meanWaitSeconds + ", " + p99WaitSeconds);
        }
    }

    /**
     * False when a &ge; c: without the router's max wait the queue would grow without bound; with it,
     * the excess is rejected and the waits sit at the max wait.
     */
    public boolean stable() {
        return utilization < 1;
    }
}
