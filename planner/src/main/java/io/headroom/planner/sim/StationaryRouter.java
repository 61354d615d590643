package io.headroom.planner.sim;

import io.headroom.planner.queueing.AllenCunneen;
import io.headroom.planner.queueing.ErlangBCheckpoints;
import io.headroom.planner.queueing.MaxWaitQueue;
import io.headroom.planner.queueing.SlowdownErlangB;

/**
 * The router queue in steady state, as {@link FastEngine} reads it within one time step: the
 * M/M/c+D results of {@link MaxWaitQueue} (Boots &amp; Tijms; the {@link AllenCunneen} scaling for a
 * service-time cv &ne; 1) at {@code c} slots and an offered load of {@code a} Erlangs, plus the
 * shape of the wait of a request that waits and is then served.
 *
 * <p>Solving costs Erlang B's recursion (from its checkpoints, {@link ErlangBCheckpoints}: at most 256
 * steps), so results are memoised in a direct-mapped table keyed by the slot count and the load
 * rounded to a relative {@value #LOAD_RESOLUTION}; a result is always computed at its key's
 * representative load, so it does not depend on which load first filled the entry and a run stays
 * deterministic. Mutable, one thread; owned by the engine.
 */
final class StationaryRouter extends StationaryQueue {
    /** Relative resolution of the offered load in the memo table. */
    static final double LOAD_RESOLUTION = 1e-3;
    private static final int TABLE_BITS = 12;
    private static final int TABLE = 1 << TABLE_BITS;

    private final double meanServiceSeconds;
    private final double maxWaitSeconds;
    private final double serviceCv;
    private final StationaryMemo memo = new StationaryMemo(TABLE_BITS, WaitGrid.BINS);
    private final ErlangBCheckpoints erlangB = new ErlangBCheckpoints();
    private final double[][] stillWaiting;
    private final double ageStepSeconds;
    private final double slowdown;
    private final int concurrency;

    /** The router with a max wait and a service time; queue content is tracked at ages of {@code stepSeconds}. */
    StationaryRouter(double meanServiceSeconds, double maxWaitSeconds, double serviceCv, double stepSeconds) {
        this(meanServiceSeconds, maxWaitSeconds, serviceCv, stepSeconds, true);
    }

    /**
     * The same, without the queue content by age when {@code byAge} is false or the max wait is more than
     * {@link #MAX_AGES} steps ({@link #ages()} is then 0).
     */
    StationaryRouter(double meanServiceSeconds, double maxWaitSeconds, double serviceCv, double stepSeconds, boolean byAge) {
        this(meanServiceSeconds, maxWaitSeconds, serviceCv, stepSeconds, byAge, 0, 1);
    }

    /**
     * The same for replicas of {@code concurrency} slots whose requests slow each other down by {@code slowdown}
     * ({@code service.slowdown}, see {@link #fill}); 0 for none.
     */
    StationaryRouter(double meanServiceSeconds, double maxWaitSeconds, double serviceCv, double stepSeconds, boolean byAge,
            double slowdown, int concurrency) {
        this.slowdown = slowdown;
        this.concurrency = concurrency;
        this.meanServiceSeconds = meanServiceSeconds;
        this.maxWaitSeconds = maxWaitSeconds;
        this.serviceCv = serviceCv;
        this.ageStepSeconds = stepSeconds;
        int ages = byAge ? (int) Math.ceil(maxWaitSeconds / stepSeconds - 1e-9) : 0;
        // past MAX_AGES the content by age would cost ages² memory and ages per step: none (Little's law instead)
        this.stillWaiting = new double[TABLE][ages <= MAX_AGES ? ages : 0];
    }

    /** How many step ages an arrival can spend in the queue: ceil(max wait / step). */
    @Override
    int ages() {
        return stillWaiting[0].length;
    }

    /**
     * Steady state at {@code slots} ≥ 1 slots and {@code offeredErlangs} ≥ 0: sets the share of
     * arrivals rejected, the share that waits (P(V &gt; 0), rejected ones included), the mean wait over
     * all arrivals, and how the served waiting ones spread over the bins of {@link WaitGrid} over (0, τ).
     */
    @Override
    void solve(int slots, double offeredErlangs) {
        long key = loadKey(drawnLoad(offeredErlangs));
        int i = memo.index(slots, key);
        if (memo.claim(i, slots, key)) {
            fill(i, slots, key);
        }
        memo.read(i, this);
        stillWaitingShares = stillWaiting[i];
    }

    private void fill(int i, int slots, long key) {
        double[] shares = memo.waitShares[i];
        if (key == Long.MIN_VALUE) {
            memo.clear(i);
            java.util.Arrays.fill(stillWaiting[i], 0);
            return;
        }
        double a = Math.exp(key * LOG_STEP);
        double lambda = a / meanServiceSeconds;
        double fullService = meanServiceSeconds;
        MaxWaitQueue.Outcome o;
        if (slowdown == 0) {
            // M/M/c+D's states below c by Erlang B(c − 1, a), continued from the checkpoint below c (bit for bit the recursion)
            o = MaxWaitQueue.solve(slots, lambda, meanServiceSeconds, maxWaitSeconds, serviceCv,
                    erlangB.blocking(slots - 1, lambda * meanServiceSeconds));
        } else {
            // service.slowdown: below c the chain's rates fall as the slots fill (SlowdownErlangB); the queue
            // is served with every slot busy, each request (1 + b(k - 1)) times longer (k the concurrency)
            double replicas = slots / (double) concurrency;
            fullService = meanServiceSeconds * SlowdownErlangB.factor(slots, slowdown, replicas);
            o = MaxWaitQueue.solve(slots, lambda, fullService, maxWaitSeconds, serviceCv,
                    SlowdownErlangB.blocking(slots - 1, a, slowdown, replicas));
        }
        memo.rejected[i] = o.rejectionFraction();
        memo.waiting[i] = o.probabilityOfWait();
        memo.meanWait[i] = o.meanWaitSeconds();
        // Served waiting requests: V on (0, τ) has density ∝ e^{−θ'v}, θ' = (cμ − λ)/((1 + cv²)/2) (MaxWaitQueue's javadoc).
        double theta = (slots / fullService - lambda) / AllenCunneen.waitScale(serviceCv);
        double previous = 0;
        for (int b = 0; b < WaitGrid.BINS; b++) {
            double next = truncatedExponentialCdf(theta, maxWaitSeconds * WaitGrid.upper(b));
            shares[b] = next - previous;
            previous = next;
        }
        // P(min(V, τ) > age): the rejected wait all of τ, the served waiting ones until their wait ends
        double[] waitingAt = stillWaiting[i];
        for (int k = 0; k < waitingAt.length; k++) {
            double age = Math.min(maxWaitSeconds, (k + 0.5) * ageStepSeconds);
            waitingAt[k] = o.rejectionFraction() + (o.probabilityOfWait() - o.rejectionFraction()) * (1 - truncatedExponentialCdf(theta, age));
        }
    }

    /** P(V ≤ v | 0 &lt; V &lt; τ) for a density ∝ e^{−θv} on (0, τ); uniform when θτ is negligible. */
    private double truncatedExponentialCdf(double theta, double v) {
        double tau = maxWaitSeconds;
        if (Math.abs(theta * tau) < 1e-9) {
            return v / tau;
        }
        if (theta > 0) {
            return Math.expm1(-theta * v) / Math.expm1(-theta * tau);
        }
        // θ < 0: the density grows towards τ; divide by e^{−θτ} to stay finite
        return Math.exp(theta * (tau - v)) * -Math.expm1(theta * v) / -Math.expm1(theta * tau);
    }
}
