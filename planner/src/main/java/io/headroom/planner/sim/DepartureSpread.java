package io.headroom.planner.sim;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The spread of a wait behind one replica's queue, behind least-in-flight: a request that waited a mean
 * of w in the fluid backlog (the pooled FIFO age, the same for every request of its arrival step) waited
 * in fact for the n = w·kμ departures from its replica's k slots that freed the places ahead of it, whose
 * time is a sum of n inter-departure times: Gamma(n / c², c²/(kμ)) with the departures' squared cv c²,
 * the service time's at k = 1 and (c_s² + k − 1)/k for more slots (the interpolation between one server's
 * departures and the Poisson superposition of many, as in Whitt's QNA). Least-in-flight keeps the
 * replicas' queues level, so the queue length ahead of a request is the pooled mean and the departures
 * are what spread (static 50 replicas of exponential 1 s requests behind queues of 5: a full queue is
 * Erlang(5, 1), p99 10 s where its mean is 5 s). The Gamma's quantiles are Wilson–Hilferty's,
 * x_p ≈ nθ(1 − 1/(9n) + z_p/(3√n))³ (Johnson, Kotz &amp; Balakrishnan, <i>Continuous Univariate
 * Distributions</i> 1, §17.5), at {@value #POINTS} strata of probability finer in the upper tail; below
 * one departure (n &lt; 1) the wait is left as it is. Not used where the stationary model already spreads
 * the waits (random, round-robin). Immutable.
 */
final class DepartureSpread {
    /** The strata: nine deciles, then 0.9–0.98, 0.98–0.995 and 0.995–1; each represented by its middle probability. */
    private static final double[] PROBABILITIES = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.94, 0.9875, 0.9975};
    private static final double[] WEIGHTS = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.08, 0.015, 0.005};
    static final int POINTS = PROBABILITIES.length;
    private static final double[] Z = new double[POINTS];

    static {
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        for (int j = 0; j < POINTS; j++) {
            Z[j] = normal.inverseCumulativeProbability(PROBABILITIES[j]);
        }
    }

    /** Departures per second of one replica with every slot busy, kμ. */
    private final double rate;
    /** The squared cv of the time between a replica's departures. */
    private final double cv2;

    DepartureSpread(int slots, double meanServiceSeconds, double serviceCv) {
        this.rate = slots / meanServiceSeconds;
        this.cv2 = Math.max(1e-6, (serviceCv * serviceCv + slots - 1) / slots);
    }

    /** The share of requests at point {@code j}. */
    static double weight(int j) {
        return WEIGHTS[j];
    }

    /** The wait at point {@code j} of a request whose mean wait was {@code waitSeconds}. */
    double wait(double waitSeconds, int j) {
        double shape = waitSeconds * rate / cv2;
        if (!(shape >= 1)) {
            return waitSeconds;
        }
        double c = 1 - 1 / (9 * shape) + Z[j] / (3 * Math.sqrt(shape));
        // nθ = the mean wait
        return c <= 0 ? 0 : waitSeconds * c * c * c;
    }
}
