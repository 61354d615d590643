package io.headroom.planner.queueing;

/**
 * Erlang's delay formula and the M/M/c waiting time: {@code c} servers, Poisson arrivals at rate λ,
 * exponential service at rate μ per server, an unlimited queue, offered load a = λ/μ.
 *
 * <ul>
 *   <li>probability of waiting C(c, a) = c·B / (c − a·(1 − B)) with B = B(c, a) from
 *       {@link ErlangB}, for a &lt; c; 1 when a &ge; c (the queue grows without bound);</li>
 *   <li>mean wait Wq = C / (cμ − λ);</li>
 *   <li>wait tail P(W &gt; t) = C·e^{−(cμ − λ)t};</li>
 *   <li>p-quantile of the wait max(0, ln(C / (1 − p)) / (cμ − λ)).</li>
 * </ul>
 *
 * Source: D. Gross and C. M. Harris, <i>Fundamentals of Queueing Theory</i>, 3rd ed., Wiley 1998,
 * §2.3 (M/M/c: eqs. 2.30–2.33 and the waiting-time distribution). The C-from-B identity avoids
 * factorials and is stable for thousands of servers.
 *
 * <p>The wait functions take the service-time coefficient of variation {@code serviceCv}; for
 * cv &ne; 1 they apply the {@link AllenCunneen} approximation (mean and tail scale of the wait
 * multiplied by (1 + cv²)/2). With cv = 1 they are exact M/M/c.
 */
public final class ErlangC {
    private ErlangC() {
    }

    /** C(servers, a): the probability that an arrival waits; 1 when a &ge; servers. */
    public static double probabilityOfWait(int servers, double offeredLoadErlangs) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be >= 1 but was " + servers);
        }
        return ofBlocking(servers, offeredLoadErlangs, ErlangB.blocking(servers, offeredLoadErlangs));
    }

    /** C(servers, a) from Erlang B's {@code blocking} = B(servers, a), for a caller that has it; 1 when a &ge; servers. */
    static double ofBlocking(int servers, double offeredLoadErlangs, double blocking) {
        if (offeredLoadErlangs >= servers) {
            return 1.0;
        }
        return servers * blocking / (servers - offeredLoadErlangs * (1 - blocking));
    }

    /** Mean queue wait in seconds; {@link Double#POSITIVE_INFINITY} when the queue is unstable (a &ge; c). */
    public static double meanWaitSeconds(int servers, double arrivalsPerSecond, double meanServiceSeconds, double serviceCv) {
        double drainPerSecond = drainRatePerSecond(servers, arrivalsPerSecond, meanServiceSeconds, serviceCv);
        if (!(drainPerSecond > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWait(servers, arrivalsPerSecond * meanServiceSeconds) / drainPerSecond;
    }

    /** P(W &gt; waitSeconds); 1 when the queue is unstable. */
    public static double probabilityWaitExceeds(int servers, double arrivalsPerSecond, double meanServiceSeconds,
                                                double serviceCv, double waitSeconds) {
        if (!(waitSeconds >= 0)) {
            throw new IllegalArgumentException("wait must be >= 0 s but was " + waitSeconds);
        }
        double drainPerSecond = drainRatePerSecond(servers, arrivalsPerSecond, meanServiceSeconds, serviceCv);
        if (!(drainPerSecond > 0)) {
            return 1.0;
        }
        return probabilityOfWait(servers, arrivalsPerSecond * meanServiceSeconds) * Math.exp(-drainPerSecond * waitSeconds);
    }

    /** The p-quantile of the queue wait in seconds; {@link Double#POSITIVE_INFINITY} when unstable. */
    public static double waitQuantileSeconds(int servers, double arrivalsPerSecond, double meanServiceSeconds,
                                             double serviceCv, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile p must be in (0, 1) but was " + p);
        }
        double drainPerSecond = drainRatePerSecond(servers, arrivalsPerSecond, meanServiceSeconds, serviceCv);
        if (!(drainPerSecond > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double c = probabilityOfWait(servers, arrivalsPerSecond * meanServiceSeconds);
        return Math.max(0, Math.log(c / (1 - p)) / drainPerSecond);
    }

    /**
     * (cμ − λ) / ((1 + cv²)/2): the rate of the exponential conditional wait, 1/E[W | W &gt; 0].
     * Not positive when the queue is unstable.
     */
    static double drainRatePerSecond(int servers, double arrivalsPerSecond, double meanServiceSeconds, double serviceCv) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be >= 1 but was " + servers);
        }
        if (!(arrivalsPerSecond >= 0) || !(meanServiceSeconds > 0)
                || Double.isInfinite(arrivalsPerSecond) || Double.isInfinite(meanServiceSeconds)) {
            throw new IllegalArgumentException("arrivals must be >= 0 per second and mean service time > 0 s but were "
                    + arrivalsPerSecond + "/s and " + meanServiceSeconds + " s");
        }
        double serviceRatePerSecond = 1 / meanServiceSeconds;
        return (servers * serviceRatePerSecond - arrivalsPerSecond) / AllenCunneen.waitScale(serviceCv);
    }
}
