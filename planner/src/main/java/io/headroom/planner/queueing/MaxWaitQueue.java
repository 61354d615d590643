package io.headroom.planner.queueing;

/**
 * M/M/c+D: {@code c} servers, Poisson arrivals, exponential service, and a deterministic patience
 * τ — a request whose wait in the router queue would exceed τ is rejected (HTTP 503 from
 * azureml-fe's {@code max_request_wait_time}). Unlike M/M/c it is stable at any load: past
 * saturation the excess is rejected.
 *
 * <p>Source: N. K. Boots and H. Tijms, "A multiserver queueing system with impatient customers",
 * <i>Management Science</i> 45(3):444–448, 1999. Derivation by level crossing on the virtual
 * waiting time V (the wait a request arriving now would have): with a = λ/μ, ρ = a/c,
 * θ = cμ − λ = cμ(1 − ρ) and b = B(c − 1, a) (Erlang B with c − 1 servers, B(0, a) = 1),
 * <ul>
 *   <li>the states with a free server have probabilities p_j ∝ a^j/j!, j &lt; c, summing to S,
 *       and p_{c−1} = S·b;</li>
 *   <li>V has density f(v) = λ·p_{c−1}·e^{−θv} on (0, τ) and f(τ)·e^{−cμ(v − τ)} beyond τ;</li>
 *   <li>normalisation: S·(1 + ρ·b·[(1 − e^{−θτ})/(1 − ρ) + e^{−θτ}]) = 1, where
 *       (1 − e^{−θτ})/(1 − ρ) is evaluated as −expm1(−θτ)/(1 − ρ), with limit cμτ at ρ = 1;
 *       ρ &gt; 1 is allowed;</li>
 *   <li>rejection (503) probability P(V &gt; τ) = ρ·S·b·e^{−θτ} (by PASTA, the fraction of
 *       arrivals rejected); probability of waiting 1 − S;</li>
 *   <li>mean queue time of all arrivals E[min(V, τ)] = ∫₀^τ P(V &gt; v) dv, counting a rejected
 *       request as having waited τ (azureml-fe holds it for τ before answering 503);</li>
 *   <li>the wait tail, for 0 &le; t &lt; τ, P(min(V, τ) &gt; t) = P(V &gt; t) =
 *       ρ·S·b·[(e^{−θt} − e^{−θτ})/(1 − ρ) + e^{−θτ}], and 0 from τ on: no request waits longer
 *       than τ, so every quantile of the wait is at most τ ({@link #waitQuantileSeconds}).</li>
 * </ul>
 * Checks: τ = 0 gives Erlang B B(c, a); τ → ∞ with ρ &lt; 1 gives 0 rejections and Erlang C.
 *
 * <p>For a service-time cv &ne; 1, θ is replaced by θ·2/(1 + cv²) in the exponentials (the
 * {@link AllenCunneen} scaling of the wait). This is an approximation; with τ = 0 it changes
 * nothing (Erlang B is insensitive to the service distribution).
 */
public final class MaxWaitQueue {
    private MaxWaitQueue() {
    }

    /**
     * The steady state of the router queue.
     *
     * @param probabilityOfWait  P(V &gt; 0): an arrival finds every server busy (it then waits or is rejected)
     * @param rejectionFraction  P(V &gt; τ): the fraction of arrivals rejected with 503
     * @param meanWaitSeconds    E[min(V, τ)]: mean time in the router queue over all arrivals
     */
    public record Outcome(double probabilityOfWait, double rejectionFraction, double meanWaitSeconds) {
        public Outcome {
            if (!(probabilityOfWait >= 0 && probabilityOfWait <= 1) || !(rejectionFraction >= 0 && rejectionFraction <= 1)
                    || !(meanWaitSeconds >= 0)) {
                throw new IllegalStateException("probabilities must be in [0, 1] and the wait >= 0 but were "
                        + probabilityOfWait + ", " + rejectionFraction + ", " + meanWaitSeconds);
            }
        }
    }

    /**
     * Solves M/M/c+D (approximately M/G/c+D when {@code serviceCv} &ne; 1).
     *
     * @param servers            c &ge; 1 (replicas × concurrency)
     * @param arrivalsPerSecond  λ &ge; 0
     * @param meanServiceSeconds 1/μ &gt; 0
     * @param maxWaitSeconds     τ &ge; 0; 0 rejects whenever no server is free
     * @param serviceCv          coefficient of variation of the service time, &ge; 0
     */
    public static Outcome solve(int servers, double arrivalsPerSecond, double meanServiceSeconds,
                                double maxWaitSeconds, double serviceCv) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be >= 1 but was " + servers);
        }
        if (!(arrivalsPerSecond >= 0) || !(meanServiceSeconds > 0) || !(maxWaitSeconds >= 0)
                || Double.isInfinite(arrivalsPerSecond) || Double.isInfinite(meanServiceSeconds)
                || Double.isInfinite(maxWaitSeconds)) {
            throw new IllegalArgumentException("need arrivals >= 0 per second, mean service time > 0 s and max wait >= 0 s"
                    + " (all finite) but had " + arrivalsPerSecond + "/s, " + meanServiceSeconds + " s, " + maxWaitSeconds + " s");
        }
        return solve(servers, arrivalsPerSecond, meanServiceSeconds, maxWaitSeconds, serviceCv,
                ErlangB.blocking(servers - 1, arrivalsPerSecond * meanServiceSeconds));
    }

    /**
     * The same with the states below c given by their own loss probability {@code blockingBelow} =
     * p<sub>c−1</sub> / Σ<sub>j&lt;c</sub> p<sub>j</sub> (b above; Erlang B(c − 1, a) for M/M/c+D): the
     * level crossing on V uses only it and the rate cμ with every server busy, so a chain whose servers
     * serve at another rate while some are free ({@link SlowdownErlangB}) keeps every formula above, with
     * {@code meanServiceSeconds} the mean service time when all c are busy.
     */
    public static Outcome solve(int servers, double arrivalsPerSecond, double meanServiceSeconds, double maxWaitSeconds,
                                double serviceCv, double blockingBelow) {
        double a = arrivalsPerSecond * meanServiceSeconds;
        double rho = a / servers;
        double b = blockingBelow;
        double rhoB = rho * b;
        double tau = maxWaitSeconds;
        // θ'/(1 − ρ) = cμ / ((1 + cv²)/2), and u = θ'τ
        double thetaOverSlack = servers / meanServiceSeconds / AllenCunneen.waitScale(serviceCv);
        double u = thetaOverSlack * (1 - rho) * tau;
        double tailTerm = rhoB * thetaOverSlack * tau * tau;

        if (u >= 0) {
            double e = Math.exp(-u);
            double g = rho == 1 ? thetaOverSlack * tau : -Math.expm1(-u) / (1 - rho);
            double d = 1 + rhoB * (g + e);
            double rejected = rhoB * e / d;
            double waiting = rhoB * (g + e) / d;
            double meanWait = tau * rejected + tailTerm * hOverUSquared(u) / d;
            return new Outcome(clamp(waiting), clamp(rejected), Math.max(0, meanWait));
        }
        // ρ > 1: e^{−u} may overflow, so multiply numerator and denominator by x = e^{u} < 1
        double x = Math.exp(u);
        double gx = -Math.expm1(u) / (rho - 1);
        double dx = x + rhoB * (gx + 1);
        double rejected = rhoB / dx;
        double waiting = rhoB * (gx + 1) / dx;
        double xh = Math.abs(u) < 1e-3 ? x * hOverUSquared(u) : (x - 1 - u) / (u * u);
        double meanWait = tau * rejected + tailTerm * xh / dx;
        return new Outcome(clamp(waiting), clamp(rejected), Math.max(0, meanWait));
    }

    /**
     * The p-quantile of the time a request spends in the router queue, min(V, τ) (a rejected request
     * counts the τ it waited before its 503): 0 when at most 1 − p of requests wait, τ when more than
     * 1 − p are rejected, else the t in (0, τ) where P(V &gt; t) = 1 − p (by bisection on the closed
     * form above; the tail is continuous and decreasing there). Never above {@code maxWaitSeconds}.
     * As τ → ∞ with ρ &lt; 1 it tends to the M/M/c quantile {@link ErlangC#waitQuantileSeconds}.
     *
     * @param p in (0, 1), e.g. 0.99
     */
    public static double waitQuantileSeconds(int servers, double arrivalsPerSecond, double meanServiceSeconds,
                                             double maxWaitSeconds, double serviceCv, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile p must be in (0, 1) but was " + p);
        }
        Outcome o = solve(servers, arrivalsPerSecond, meanServiceSeconds, maxWaitSeconds, serviceCv);
        double tail = 1 - p;
        if (o.probabilityOfWait() <= tail) {
            return 0;
        }
        if (o.rejectionFraction() > tail) {
            return maxWaitSeconds;
        }
        double low = 0;
        double high = maxWaitSeconds;
        for (int i = 0; i < 200 && high - low > 1e-12 * Math.max(1, maxWaitSeconds); i++) {
            double mid = (low + high) / 2;
            if (waitExceeds(servers, arrivalsPerSecond, meanServiceSeconds, maxWaitSeconds, serviceCv, mid) > tail) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Math.min(maxWaitSeconds, high);
    }

    /** P(V &gt; t) for 0 &le; t &le; τ, in the same overflow-safe forms as {@link #solve}. */
    static double waitExceeds(int servers, double arrivalsPerSecond, double meanServiceSeconds, double maxWaitSeconds,
                              double serviceCv, double t) {
        double a = arrivalsPerSecond * meanServiceSeconds;
        double rho = a / servers;
        double rhoB = rho * ErlangB.blocking(servers - 1, a);
        double tau = maxWaitSeconds;
        double thetaOverSlack = servers / meanServiceSeconds / AllenCunneen.waitScale(serviceCv);
        double theta = thetaOverSlack * (1 - rho);
        double u = theta * tau;
        if (u >= 0) {
            double e = Math.exp(-u);
            double g = rho == 1 ? thetaOverSlack * tau : -Math.expm1(-u) / (1 - rho);
            double d = 1 + rhoB * (g + e);
            // (e^{−θt} − e^{−θτ})/(1 − ρ) = e^{−θt}·(1 − e^{−θ(τ−t)})/(1 − ρ), exact in the limit ρ → 1
            double between = rho == 1 ? thetaOverSlack * (tau - t) : Math.exp(-theta * t) * -Math.expm1(-theta * (tau - t)) / (1 - rho);
            return rhoB * (between + e) / d;
        }
        // ρ > 1: numerator and denominator times e^{u}, as in solve
        double x = Math.exp(u);
        double gx = -Math.expm1(u) / (rho - 1);
        double dx = x + rhoB * (gx + 1);
        return rhoB * (Math.expm1(theta * (tau - t)) / (1 - rho) + 1) / dx;
    }

    /** (1 − e^{−u}(1 + u)) / u², with its series near 0 (where the subtraction cancels). */
    private static double hOverUSquared(double u) {
        if (Math.abs(u) < 1e-3) {
            return 0.5 - u / 3 + u * u / 8 - u * u * u / 30;
        }
        return (-Math.expm1(-u) - u * Math.exp(-u)) / (u * u);
    }

    private static double clamp(double p) {
        return Math.min(1, Math.max(0, p));
    }
}
