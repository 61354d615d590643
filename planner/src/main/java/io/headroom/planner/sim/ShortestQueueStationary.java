package io.headroom.planner.sim;

import io.headroom.planner.queueing.SlowdownErlangB;

/**
 * Least-in-flight routing (join the shortest queue) in steady state, as {@link FastEngine} reads it
 * within one time step. JSQ sends every arrival to a replica with a free slot while there is one and
 * refuses it (503) only when every replica's queue is full, so n replicas behave nearly as one pooled
 * queue of n·k slots and n·L waiting places: JSQ is asymptotically optimal and its queue lengths
 * approach those of the pooled system as n grows (V. Gupta, M. Harchol-Balter, K. Sigman and W. Whitt,
 * "Analysis of join-the-shortest-queue routing for web server farms", Performance Evaluation 64, 2007;
 * D. Mukherjee, S. C. Borst, J. S. H. van Leeuwaarden and P. A. Whiting, "Universality of
 * power-of-d load balancing in many-server systems", Stochastic Systems 8(4), 2018, for JSQ's
 * Halfin–Whitt limit, the same as the pooled M/M/N's).
 *
 * <p>The pooled buffer of n·L places in front of n·k slots is taken as a deterministic patience:
 * an arrival finding j waiting waits Erlang(j + 1, nkμ), whose cv 1/√(j + 1) vanishes for a large
 * pool, so a full buffer is a wait of L/(kμ) and "the buffer is full" is "the wait would exceed
 * L/(kμ)". The pool is then the M/M/c+D queue of {@link StationaryRouter} (Boots &amp; Tijms;
 * Allen–Cunneen for cv ≠ 1) with c = n·k and patience τ = min(T, L/(kμ)): when L/(kμ) &lt; T its
 * rejected share answers 503 at once (the buffer is full), else it waits until the timeout and
 * answers 504. Weak for a few replicas with short queues, where the Erlang spread of the pooled
 * wait is not negligible and JSQ is not quite pooled (a request queued at one replica does not move
 * when another frees). Mutable, one thread.
 */
final class ShortestQueueStationary extends StationaryQueue {
    private final StationaryRouter pool;
    private final boolean timesOut;
    private final double patienceSeconds;
    private final int queueLimit;
    private final double meanServiceSeconds;
    private final double serviceCv;

    ShortestQueueStationary(int concurrency, int queueLimit, double meanServiceSeconds, double serviceCv, double timeoutSeconds,
            double stepSeconds) {
        this(concurrency, queueLimit, meanServiceSeconds, serviceCv, timeoutSeconds, stepSeconds, 0);
    }

    /** The same for requests that slow each other down by {@code slowdown} ({@code service.slowdown}); 0 for none. */
    ShortestQueueStationary(int concurrency, int queueLimit, double meanServiceSeconds, double serviceCv, double timeoutSeconds,
            double stepSeconds, double slowdown) {
        // service.slowdown: the buffer is served with every slot busy, at the largest factor
        double full = SlowdownErlangB.factor(concurrency, slowdown, 1);
        this.patienceSeconds = patienceSeconds(concurrency, queueLimit, meanServiceSeconds * full, timeoutSeconds);
        this.timesOut = patienceSeconds >= timeoutSeconds;
        this.queueLimit = queueLimit;
        // the relaxation is that of the queue, served with every slot busy
        this.meanServiceSeconds = meanServiceSeconds * full;
        this.serviceCv = serviceCv;
        this.pool = new StationaryRouter(meanServiceSeconds, patienceSeconds, serviceCv, stepSeconds, false, slowdown, concurrency);
    }

    @Override
    void loadAtFactor(double factor) {
        super.loadAtFactor(factor);
        pool.loadAtFactor(factor);
    }

    /** τ = min(T, L/(kμ)): the wait behind a full pooled buffer, or the timeout when that is shorter. */
    static double patienceSeconds(int concurrency, int queueLimit, double meanServiceSeconds, double timeoutSeconds) {
        return Math.min(timeoutSeconds, queueLimit * meanServiceSeconds / concurrency);
    }

    /** None: the engine follows a balancer's queue content by Little's law, not by age. */
    @Override
    int ages() {
        return 0;
    }

    /**
     * No: JSQ refuses only when every replica's queue is full, so in overload the first 503s come when
     * the pool's n·L places are, which the fast engine's fluid backlog decides, as a central queue's would.
     */
    @Override
    boolean refusesWhileFilling() {
        return false;
    }

    /**
     * The pooled queue's relaxation time: n·L places in front of all c slots, fed λ (the offered load read
     * at capacity when above it), taken as a reflected Brownian motion with drift δ = λ − cμ and variance
     * σ² = λ + cμ·c<sub>s</sub>² per second (the diffusion limit of the M/G/c queue's content while every
     * slot is busy: Kingman; Whitt, "The Queueing Network Analyzer", 1983). Below capacity 2σ²/δ², the
     * rate at which reflected Brownian motion forgets its start (J. M. Harrison, <i>Brownian Motion and
     * Stochastic Flow Systems</i>, Wiley 1985; for M/M/1 that is 2(1 + ρ)/(μ(1 − ρ)²), within 1 % of the
     * exact relaxation time 1/(μ(1 − √ρ)²) from ρ = 0.8 up); at capacity the buffer bounds it,
     * 2K²/(π²σ²), the slowest mode of diffusion between reflecting barriers at 0 and K. The shorter of
     * the two. At full load the pool's stationary content is uniform over its K places, K/2 on average,
     * which a real queue reaches only this slowly: 250 places fed 50 requests a second, two minutes.
     */
    @Override
    double relaxationSeconds(int replicas, int slots, double offeredErlangs) {
        double mu = 1 / meanServiceSeconds;
        double arrivalRate = Math.min(offeredErlangs, slots) * mu;
        double serviceRate = slots * mu;
        double variance = arrivalRate + serviceRate * serviceCv * serviceCv;
        double places = (double) replicas * queueLimit;
        if (variance <= 0 || places <= 0) {
            return 0;
        }
        double buffer = 2 * places * places / (Math.PI * Math.PI * variance);
        double drift = serviceRate - arrivalRate;
        return drift <= 0 ? buffer : Math.min(buffer, 2 * variance / (drift * drift));
    }

    @Override
    void solve(int slots, double offeredErlangs) {
        pool.solve(slots, offeredErlangs);
        servedWaitShares = pool.servedWaitShares;
        if (timesOut) {
            rejectedShare = 0;
            timedOutShare = pool.rejectedShare;
            waitingShare = pool.waitingShare;
            meanWaitSeconds = pool.meanWaitSeconds;
            return;
        }
        // a full buffer refuses at once: the rejected share neither waits nor stays in the queue
        double r = pool.rejectedShare;
        rejectedShare = r;
        timedOutShare = 0;
        waitingShare = Math.max(0, pool.waitingShare - r);
        meanWaitSeconds = Math.max(0, pool.meanWaitSeconds - r * patienceSeconds);
    }
}
