package io.headroom.planner.sim;

import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Service;

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
    /** How the served requests that waited spread over the bins of {@link WaitGrid} over (0, horizon). */
    double[] servedWaitShares;
    /** Share of an arrival still in the queue at ages (i + ½)·step, i = 0 .. {@link #ages()} − 1 (the central queue only). */
    double[] stillWaitingShares;
    /** Share of arrivals still waiting at the timeout, answered 504 then (per-replica routing; 0 for the central queue). */
    double timedOutShare;

    /** A waiting request's mean wait, seconds, in the last {@link #solve}: how long the queue takes to fill or empty (0 when none waits). */
    double waitOfWaitingSeconds() {
        return waitingShare <= 0 ? 0 : meanWaitSeconds / waitingShare;
    }

    /** Offered loads a memo tells apart: a relative step of {@link StationaryRouter#LOAD_RESOLUTION}, on a log scale. */
    static final double LOG_STEP = Math.log1p(StationaryRouter.LOAD_RESOLUTION);

    /** The memo key of {@code offeredErlangs} ({@link Long#MIN_VALUE} for no load); its load is {@code exp(key · LOG_STEP)}. */
    static long loadKey(double offeredErlangs) {
        return offeredErlangs <= 1e-9 ? Long.MIN_VALUE : Math.round(Math.log(offeredErlangs) / LOG_STEP);
    }

    /**
     * {@code service.slowdown}: the offered loads given to {@link #solve} from now on are at the factor
     * {@code factor} ≥ 1 (the requests in flight run that much longer than drawn), so the model reads the
     * load at the drawn service time, offered / factor, and serves it at its own load-dependent rates.
     * 1 without a slowdown.
     */
    void loadAtFactor(double factor) {
        this.loadFactor = factor;
    }

    /** The factor of {@link #loadAtFactor}. */
    double loadFactor = 1;

    /** The offered load at the drawn service time: {@code offeredErlangs} / {@link #loadFactor}. */
    double drawnLoad(double offeredErlangs) {
        return loadFactor == 1 ? offeredErlangs : offeredErlangs / loadFactor;
    }

    /** Steady state at {@code slots} ≥ 1 ready slots and {@code offeredErlangs} ≥ 0: sets the fields above. */
    abstract void solve(int slots, double offeredErlangs);

    /**
     * In overload, behind a balancer, whether the stationary model's 503s come in while the queues fill
     * ({@code BalancedArrivals#solveFilling}): yes for queues that fill one by one (random, round-robin).
     */
    boolean refusesWhileFilling() {
        return true;
    }

    /**
     * How long the queue content takes to settle at {@code replicas} ready replicas with {@code slots}
     * slots at {@code offeredErlangs} (read at capacity when above it), in seconds: the lag behind a
     * balancer's stationary content ({@link FluidFlow#queueTowards}); 0 where the engine needs no more
     * than a waiting request's mean wait: the central queue (followed by age) and the per-replica queues
     * of random and round-robin routing (a slower lag there left a steady overload's fluid backlog at the
     * level its transient reached: M/M/1/21 at ρ = 1.2 waited 4.3 % longer than theory).
     */
    double relaxationSeconds(int replicas, int slots, double offeredErlangs) {
        return 0;
    }

    /**
     * The most step ages the central queue's content is followed by ({@link CentralArrivals}); a longer max wait (30
     * minutes at 20 ms steps would be 90,000 ages, 65 GB) follows it by Little's law with the lag of one mean wait.
     */
    static final int MAX_AGES = 128;

    /** How many step ages an arrival can spend in the queue. */
    abstract int ages();

    /**
     * The longest wait the engine tracks, in nanoseconds: the central queue's max wait; with a balancer the
     * timeout, or the wait behind a full queue when that is shorter ({@link ReplicaQueueStationary},
     * {@link ShortestQueueStationary}); for Knative the queue-proxies' (round-robin), the activator's longer
     * waits being the fluid backlog's ({@link FluidActivator}).
     */
    static long horizonNanos(Service s) {
        // with every slot busy, as behind a full queue: service.slowdown's largest factor
        double mean = s.serviceTime().mean().toNanos() / 1e9 * s.slowdownFactor(s.concurrency());
        double timeout = s.timeout().toNanos() / 1e9;
        int k = s.concurrency();
        int limit = s.routing().replicaQueueLimit();
        return switch (s.routing().mode()) {
            case CENTRAL_QUEUE -> s.maxQueueWait().toNanos();
            case RANDOM, ROUND_ROBIN, KNATIVE -> horizonNanos(ReplicaQueueStationary.horizonSeconds(k, limit, mean, timeout), s);
            case LEAST_IN_FLIGHT -> horizonNanos(ShortestQueueStationary.patienceSeconds(k, limit, mean, timeout), s);
        };
    }

    /** A horizon in seconds as whole nanoseconds, the timeout itself when it is the timeout. */
    private static long horizonNanos(double seconds, Service s) {
        return seconds >= s.timeout().toNanos() / 1e9 ? s.timeout().toNanos() : Math.round(seconds * 1e9);
    }

    /**
     * The stationary model of {@code s}'s routing, tracking waits up to {@code horizonSeconds} ({@link #horizonNanos}); for
     * Knative the queue-proxies' behind the ingress's round-robin (the activator's pooled queue is {@link FluidActivator}'s).
     */
    static StationaryQueue of(Service s, double horizonSeconds, double stepSeconds) {
        double mean = s.serviceTime().mean().toNanos() / 1e9;
        double cv = s.serviceTime().cv();
        double timeout = s.timeout().toNanos() / 1e9;
        int limit = s.routing().replicaQueueLimit();
        return switch (s.routing().mode()) {
            case CENTRAL_QUEUE -> new StationaryRouter(mean, horizonSeconds, cv, stepSeconds, true, s.slowdown(), s.concurrency());
            // Knative out of the activator's path: the ingress sends round-robin to the queue-proxies
            case RANDOM, ROUND_ROBIN, KNATIVE -> new ReplicaQueueStationary(s.routing().mode() != Routing.Mode.RANDOM, s.concurrency(),
                    limit, mean, cv, timeout, s.slowdown());
            case LEAST_IN_FLIGHT -> new ShortestQueueStationary(s.concurrency(), limit, mean, cv, timeout, stepSeconds, s.slowdown());
        };
    }
}
