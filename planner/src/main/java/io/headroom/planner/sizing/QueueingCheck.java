package io.headroom.planner.sizing;

import java.time.Duration;

/**
 * How the router queue behaves with a given replica count, in steady state.
 *
 * @param replicas          replicas
 * @param servers           replicas × concurrency: the concurrency slots (servers c)
 * @param offeredLoad       a = rps × latency, in Erlangs
 * @param utilization       a / c, the mean fraction of slots busy (may exceed 1: then the queue is unstable)
 * @param probabilityOfWait Erlang C, the fraction of requests that find every slot busy (1 when unstable)
 * @param meanWait          M/M/c mean router queue wait with the Allen–Cunneen correction; null when unstable
 * @param p99Wait           M/M/c p99 of the router queue wait, Allen–Cunneen-scaled exponential tail; null when unstable
 * @param rejectionFraction M/M/c+D fraction of requests rejected with 503 because their wait would exceed the max wait
 */
public record QueueingCheck(int replicas, int servers, double offeredLoad, double utilization, double probabilityOfWait,
                            Duration meanWait, Duration p99Wait, double rejectionFraction) {
    public QueueingCheck {
        if (replicas < 1 || servers < replicas) {
            throw new IllegalArgumentException("need replicas >= 1 and servers >= replicas but had " + replicas + ", " + servers);
        }
        if (!(probabilityOfWait >= 0 && probabilityOfWait <= 1) || !(rejectionFraction >= 0 && rejectionFraction <= 1)) {
            throw new IllegalArgumentException("probabilities must be in [0, 1] but were " + probabilityOfWait + ", " + rejectionFraction);
        }
        if ((meanWait == null) != (p99Wait == null)) {
            throw new IllegalArgumentException("mean and p99 wait are both known (stable) or both null (unstable)");
        }
    }

    /** False when a &ge; c: the M/M/c queue grows without bound (only the router's max wait limits it). */
    public boolean stable() {
        return meanWait != null;
    }
}
