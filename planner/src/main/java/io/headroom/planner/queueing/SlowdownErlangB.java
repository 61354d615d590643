package io.headroom.planner.queueing;

/**
 * Erlang's loss formula for servers that slow each other down ({@code service.slowdown}): c servers
 * spread over R replicas, Poisson arrivals λ, and with j servers busy each serves at rate
 * 1 / (E[S]·(1 + b·(j/R − 1))) (no faster than alone): the birth–death chain with
 * μ<sub>j</sub> = j / (E[S]·f<sub>j</sub>), f<sub>j</sub> = 1 + b·max(0, j/R − 1), the load-dependent
 * (state-dependent service rate) loss system of Gross &amp; Harris, <i>Fundamentals of Queueing
 * Theory</i>, 3rd ed., 1998, §2.9 ("queues with state-dependent service"): p<sub>j</sub> =
 * p<sub>j−1</sub>·λ/μ<sub>j</sub> = p<sub>j−1</sub>·a·f<sub>j</sub>/j with a = λ·E[S].
 *
 * <p>B(c) = p<sub>c</sub> / Σ<sub>j≤c</sub> p<sub>j</sub> by the recursion of {@link ErlangB} with
 * a·f<sub>j</sub> in place of a: B(0) = 1, B(j) = r·B(j−1) / (1 + r·B(j−1)), r = a·f<sub>j</sub>/j.
 * With b = 0 it is Erlang B. Exact for exponential service when a request's rate follows the current
 * load; under {@code service.slowdown} a request's factor is fixed when it starts, for which this is
 * the approximation (the mean factor of a request is the same, its timing differs).
 */
public final class SlowdownErlangB {
    private SlowdownErlangB() {
    }

    /**
     * B(servers) of the chain.
     *
     * @param servers  c &ge; 0
     * @param erlangs  a = λ·E[S] &ge; 0, at the service time alone (factor 1)
     * @param slowdown b &ge; 0
     * @param replicas R &gt; 0 the servers are spread over (the factor reads the busy servers per replica)
     */
    public static double blocking(int servers, double erlangs, double slowdown, double replicas) {
        if (servers < 0 || !(erlangs >= 0) || Double.isInfinite(erlangs) || !(slowdown >= 0) || !(replicas > 0)) {
            throw new IllegalArgumentException("need servers >= 0, a finite load >= 0, slowdown >= 0 and replicas > 0 but had "
                    + servers + ", " + erlangs + ", " + slowdown + ", " + replicas);
        }
        double b = 1.0;
        for (int j = 1; j <= servers; j++) {
            double r = erlangs * factor(j, slowdown, replicas) / j;
            b = r * b / (1 + r * b);
        }
        return b;
    }

    /** f<sub>j</sub> = 1 + b·max(0, j/R − 1): the factor with {@code busy} servers busy over {@code replicas}. */
    public static double factor(int busy, double slowdown, double replicas) {
        return factor(busy / replicas, slowdown);
    }

    /**
     * 1 + b·max(0, k − 1): the factor of a request that starts with {@code inFlight} = k requests on its replica,
     * itself included (the {@code service.slowdown} rule; {@code Service.slowdownFactor} reads it here).
     */
    public static double factor(double inFlight, double slowdown) {
        return 1 + slowdown * Math.max(0, inFlight - 1);
    }
}
