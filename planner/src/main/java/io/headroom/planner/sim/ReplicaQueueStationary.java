package io.headroom.planner.sim;

import io.headroom.planner.queueing.ErlangB;
import io.headroom.planner.queueing.SlowdownErlangB;
import org.apache.commons.math3.special.Gamma;

/**
 * One replica behind a balancer that picks a ready replica at random or in turn, in steady state, as
 * {@link FastEngine} reads it within one time step: every replica alike, fed 1/n of the offered load,
 * with k = concurrency slots and room for K = k + L requests (L = {@code replicaQueueLimit}); an
 * arrival that finds K answers 503 at once, one that waits past the timeout T answers 504 then.
 *
 * <p><b>random</b>: splitting a Poisson stream at random gives n independent Poisson streams, so each
 * replica is an M/M/k/K queue (exponential service): p<sub>j</sub> ∝ a<sup>j</sup>/j! for j ≤ k and
 * p<sub>k+i</sub> = p<sub>k</sub>·ρ<sup>i</sup>, i ≤ L, with a = λ/(nμ), ρ = a/k; by PASTA the 503
 * share is p<sub>K</sub> and an arrival that finds k + i waits Erlang(i + 1, kμ) (L. Kleinrock,
 * <i>Queueing Systems</i> vol. 1, Wiley 1975, §3.5–3.6; D. Gross and C. M. Harris, <i>Fundamentals of
 * Queueing Theory</i>, 3rd ed., 1998, §2.5). Its states up to k are those of the loss system, so
 * p<sub>k</sub> comes from Erlang B's recursion; the queue part is a geometric sum in closed form.
 *
 * <p><b>Two-moment approximation</b> for service cv ≠ 1 and for <b>round-robin</b> (each replica sees
 * every n-th arrival of a Poisson stream: Erlang-n renewal arrivals, squared cv c<sub>a</sub>² = 1/n).
 * The finite queue is read off the infinite one, as in Tijms's approximation for the loss probability
 * of M/G/c/c+N (H. C. Tijms, <i>A First Course in Stochastic Models</i>, Wiley 2003, ch. 9): with
 * Q = P<sub>∞</sub>(N ≥ K) the 503 share is (1 − ρ)Q/(1 − ρQ), and an arrival finds k + i waiting
 * (i &lt; L) with the infinite queue's probability divided by 1 − ρQ. The infinite queue's tail is
 * taken as C·r<sup>L</sup>: C = B/(1 − ρ(1 − B)), the probability of waiting that belongs to the loss
 * probability B of the same replica without a queue, and the geometric ratio
 * r = ρ<sup>2/(c<sub>a</sub>² + c<sub>s</sub>²)</sup>, the heavy-traffic (diffusion) approximation of a
 * G/G queue, whose content is exponential with rate 2(1 − ρ)/(ρ(c<sub>a</sub>² + c<sub>s</sub>²)) per
 * request (−ln ρ for M/M): the two-moment scaling of Kingman's formula and Whitt's QNA (W. Whitt, "The
 * Queueing Network Analyzer", Bell System Technical Journal 62(9), 1983). B is Erlang B for random
 * routing and, for round-robin, Takács's exact GI/M/k/k loss for Erlang-n arrivals
 * ({@link #erlangArrivalsLoss}). For random routing with exponential service (r = ρ) all of this is
 * M/M/k/K exactly (at L = 0 it is B itself). Measured against the discrete-event engine on static
 * deployments (20 min, 4 seeds): random with service cv 0.5 and 2 within 5 %; round-robin within
 * 2.3 % with exponential service (queues of 0 to 10, ρ 0.8 to 1.1, 10 to 200 replicas), 4 % with
 * cv 2. The waits stay Erlang(i + 1, kμ).
 *
 * <p>The horizon H (the longest wait tracked) is the timeout, or less: the wait behind a full queue,
 * Erlang(L, kμ), is below (L + 5√L + 10)/(kμ) with probability above 1 − 10⁻⁶. 504 while waiting is
 * P(W &gt; T) of the queue without abandonment (an upper bound: a request that leaves at T shortens
 * the queue behind it). Results are memoised as in {@link StationaryRouter}. Mutable, one thread.
 */
final class ReplicaQueueStationary extends StationaryQueue {
    private static final int TABLE_BITS = 10;
    /** Intervals of Simpson's rule for the mean wait ∫₀^H P(W &gt; t) dt. */
    private static final int MEAN_INTERVALS = 128;

    private final boolean roundRobin;
    private final double slowdown;
    /** The factor with every slot busy, 1 + b(k − 1) (1 without a slowdown). */
    private final double fullFactor;
    private final int concurrency;
    private final int queueLimit;
    private final double meanServiceSeconds;
    private final double serviceCv;
    private final double timeoutSeconds;
    private final double horizonSeconds;
    private final StationaryMemo memo = new StationaryMemo(TABLE_BITS, WaitGrid.BINS);

    /** The replica of the last fill: the 503 share, load, Erlang C, the queue's ratio, 1 − ρQ (or ρ − 1/Q), kμ. */
    private double top;
    private double rho;
    private double erlangC;
    private double ratio;
    private double denominator;
    private double kMu;

    ReplicaQueueStationary(boolean roundRobin, int concurrency, int queueLimit, double meanServiceSeconds, double serviceCv,
            double timeoutSeconds) {
        this(roundRobin, concurrency, queueLimit, meanServiceSeconds, serviceCv, timeoutSeconds, 0);
    }

    /**
     * The same for requests that slow each other down by {@code slowdown} ({@code service.slowdown}, see
     * {@link #state}); 0 for none.
     */
    ReplicaQueueStationary(boolean roundRobin, int concurrency, int queueLimit, double meanServiceSeconds, double serviceCv,
            double timeoutSeconds, double slowdown) {
        this.slowdown = slowdown;
        this.fullFactor = SlowdownErlangB.factor(concurrency, slowdown, 1);
        this.roundRobin = roundRobin;
        this.concurrency = concurrency;
        this.queueLimit = queueLimit;
        this.meanServiceSeconds = meanServiceSeconds;
        this.serviceCv = serviceCv;
        this.timeoutSeconds = timeoutSeconds;
        this.horizonSeconds = horizonSeconds(concurrency, queueLimit, meanServiceSeconds * fullFactor, timeoutSeconds);
    }

    /** The longest wait tracked: the timeout, or the wait behind a full queue when that is shorter (see the class javadoc). */
    static double horizonSeconds(int concurrency, int queueLimit, double meanServiceSeconds, double timeoutSeconds) {
        double full = (queueLimit + 5 * Math.sqrt(queueLimit) + 10) * meanServiceSeconds / concurrency;
        return queueLimit == 0 ? 0 : Math.min(timeoutSeconds, full);
    }

    /** None: the engine follows a balancer's queue content by Little's law, not by age. */
    @Override
    int ages() {
        return 0;
    }

    @Override
    void solve(int slots, double offeredErlangs) {
        long key = loadKey(drawnLoad(offeredErlangs));
        int i = memo.index(slots, key);
        if (memo.claim(i, slots, key)) {
            fill(i, slots, key);
        }
        memo.read(i, this);
    }

    private void fill(int i, int slots, long key) {
        double[] shares = memo.waitShares[i];
        if (key == Long.MIN_VALUE) {
            memo.clear(i);
            return;
        }
        int replicas = Math.max(1, slots / concurrency);
        double perReplica = Math.exp(key * LOG_STEP) / replicas;
        state(replicas, perReplica);
        memo.rejected[i] = top;
        double waits = tail(0);
        memo.waiting[i] = waits;
        double out = horizonSeconds < timeoutSeconds ? 0 : waitExceeds(timeoutSeconds);
        memo.timedOut[i] = out;
        memo.meanWait[i] = meanWait();
        double served = waits - out;
        double previous = waits;
        for (int b = 0; b < shares.length; b++) {
            double next = b == shares.length - 1 ? out : waitExceeds(horizonSeconds * WaitGrid.upper(b));
            shares[b] = served <= 0 ? 0 : Math.max(0, previous - next) / served;
            previous = next;
        }
    }

    /**
     * The replica at {@code a} Erlangs: the 503 share and what {@link #tail} needs. With
     * C = B/(1 − ρ(1 − B)) (Erlang C from Erlang B, taken formally for ρ ≥ 1, where it stays positive
     * because B(k, a) &gt; 1 − 1/ρ) and the infinite queue's tail P(N ≥ k + L) = Q = C·r<sup>L</sup>,
     * the 503 share is (1 − ρ)Q/(1 − ρQ) and an arrival finds k + i (i &lt; L) with probability
     * C(1 − r)r<sup>i</sup>/(1 − ρQ). For r = ρ this is M/M/k/K exactly (the identity is algebra on the
     * birth–death solution); ρ = 1 is nudged by 10⁻⁷ (the limit is continuous).
     */
    private void state(int replicas, double a) {
        if (slowdown > 0) {
            slowedState(replicas, a);
            return;
        }
        int k = concurrency;
        double rho = a / k;
        if (Math.abs(rho - 1) < 1e-7) {
            rho = 1 + 1e-7;
            a = rho * k;
        }
        this.rho = rho;
        double arrivalCv2 = roundRobin ? 1.0 / replicas : 1.0;
        ratio = Math.pow(rho, 2 / (arrivalCv2 + serviceCv * serviceCv));
        kMu = k / meanServiceSeconds;
        double b = roundRobin ? erlangArrivalsLoss(k, a, replicas) : ErlangB.blocking(k, a);
        queue(b);
    }

    /**
     * {@code service.slowdown}: the replica's states up to k are the chain whose j busy slots serve at
     * j / (E[S]·(1 + b(j − 1))) ({@link SlowdownErlangB}, its loss B in place of Erlang B), the queue is
     * served with every slot busy, at kμ / (1 + b(k − 1)), so ρ and the queue's ratio are at that rate; the
     * identity C = B/(1 − ρ(1 − B)) holds for any rates below k. Round-robin: Takács's loss at the full
     * factor's load, times the chain's loss over Erlang B's at that load (the slowdown's share of the loss
     * taken from random routing: an approximation).
     */
    private void slowedState(int replicas, double a) {
        int k = concurrency;
        double full = a * fullFactor;
        double rho = full / k;
        if (Math.abs(rho - 1) < 1e-7) {
            rho = 1 + 1e-7;
            full = rho * k;
            a = full / fullFactor;
        }
        this.rho = rho;
        double arrivalCv2 = roundRobin ? 1.0 / replicas : 1.0;
        ratio = Math.pow(rho, 2 / (arrivalCv2 + serviceCv * serviceCv));
        kMu = k / (meanServiceSeconds * fullFactor);
        double chain = SlowdownErlangB.blocking(k, a, slowdown, 1);
        double b = roundRobin ? Math.min(1, erlangArrivalsLoss(k, full, replicas) * chain / ErlangB.blocking(k, full)) : chain;
        queue(b);
    }

    /** The queue part from the replica's loss {@code b} without a queue, at {@link #rho} and {@link #ratio}. */
    private void queue(double b) {
        erlangC = b / (1 - rho * (1 - b));
        if (ratio < 1) {
            double q = erlangC * Math.exp(queueLimit * Math.log(ratio));
            denominator = 1 - rho * q;
            top = (1 - rho) * q / denominator;
        } else {
            // divided by Q: s = 1/r, 1/Q = s^L / C, no overflow for a long queue
            double inverseQ = Math.exp(-queueLimit * Math.log(ratio)) / erlangC;
            denominator = rho - inverseQ;
            top = (rho - 1) / denominator;
        }
    }

    /**
     * The loss probability of a GI/M/k/k replica fed every n-th arrival of a Poisson stream (Erlang-n
     * interarrival times of mean 1/λ<sub>r</sub>, Laplace–Stieltjes transform φ(s) = (nλ<sub>r</sub>/(nλ<sub>r</sub> + s))<sup>n</sup>):
     * 1/B = Σ<sub>j=0..k</sub> C(k, j) Π<sub>i=1..j</sub> (1 − φ(iμ))/φ(iμ) (L. Takács, "On the generalization of
     * Erlang's formula", Acta Mathematica Academiae Scientiarum Hungaricae 7, 1956; also R. B. Cooper,
     * <i>Introduction to Queueing Theory</i>, 2nd ed., 1981, §6.3). For n = 1 it is Erlang B. Summed in logs.
     */
    static double erlangArrivalsLoss(int k, double erlangs, int n) {
        // iμ/(nλ_r) = i / (n·a)
        double logTerm = 0;
        double max = 0;
        double[] logs = new double[k + 1];
        double logChoose = 0;
        for (int j = 1; j <= k; j++) {
            double x = n * Math.log1p(j / (n * erlangs));
            // log((1 − φ)/φ) = log(e^x − 1)
            logTerm += x > 30 ? x : Math.log(Math.expm1(x));
            logChoose += Math.log((double) (k - j + 1) / j);
            logs[j] = logChoose + logTerm;
            max = Math.max(max, logs[j]);
        }
        double sum = 0;
        for (int j = 0; j <= k; j++) {
            sum += Math.exp(logs[j] - max);
        }
        return Math.exp(-max) / sum;
    }

    /** G(m) = Σ_{i=m}^{L−1} P(an arrival finds k + i): the share of arrivals that wait with at least m requests ahead. */
    private double tail(int m) {
        int l = queueLimit;
        if (m >= l) {
            return 0;
        }
        double logRatio = Math.log(ratio);
        if (ratio < 1) {
            // C(r^m − r^L)/(1 − ρQ)
            return erlangC * Math.exp(m * logRatio) * -Math.expm1((l - m) * logRatio) / denominator;
        }
        // (1 − s^{L−m})/(ρ − 1/Q)
        return -Math.expm1(-(l - m) * logRatio) / denominator;
    }

    /**
     * P(W &gt; t) = Σ_m P(N = m)·G(m), N ~ Poisson(kμt): an arrival with i ahead waits Erlang(i + 1, kμ),
     * which exceeds t when fewer than i + 1 services end by then. Summed over ±12 standard deviations
     * of N around its mode (pmf from the log-gamma function, then the recurrence both ways).
     */
    private double waitExceeds(double t) {
        if (t <= 0) {
            return tail(0);
        }
        double x = kMu * t;
        double spread = 12 * Math.sqrt(x) + 12;
        int low = (int) Math.max(0, Math.floor(x - spread));
        int high = (int) Math.min(queueLimit - 1, Math.ceil(x + spread));
        if (low > high) {
            return 0;
        }
        int mode = (int) Math.min(high, Math.max(low, Math.floor(x)));
        double atMode = Math.exp(-x + mode * Math.log(x) - Gamma.logGamma(mode + 1.0));
        double sum = 0;
        double p = atMode;
        for (int m = mode; m <= high && p > 0; m++) {
            sum += p * tail(m);
            p *= x / (m + 1);
        }
        p = atMode * mode / x;
        for (int m = mode - 1; m >= low && p > 0; m--) {
            sum += p * tail(m);
            p *= m / x;
        }
        return Math.min(1, sum);
    }

    /** E[min(W, H)] over all arrivals (503s wait 0): ∫₀^H P(W &gt; t) dt by Simpson's rule. */
    private double meanWait() {
        if (horizonSeconds <= 0) {
            return 0;
        }
        double h = horizonSeconds / MEAN_INTERVALS;
        double sum = waitExceeds(0) + waitExceeds(horizonSeconds);
        for (int j = 1; j < MEAN_INTERVALS; j++) {
            sum += (j % 2 == 1 ? 4 : 2) * waitExceeds(j * h);
        }
        return sum * h / 3;
    }
}
