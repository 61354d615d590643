package io.headroom.planner.calibrate;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Does a replica serve its concurrent requests in parallel, or does each slow down as it holds more
 * (GPU batching, one worker)? From runs at several load levels below saturation (note §1.5, the
 * response-time regression family: LINE {@code estimatorERPS}; Kraft et al., VALUETOOLS 2009). The
 * {@code service.slowdown} model says a request starting with k requests in flight on its replica
 * (itself included) takes S·(1 + b·(k − 1)). An arrival sees the time-average in-flight L (PASTA,
 * Poisson arrivals), L = λ·W by Little's law, spread over R ready replicas: E[k] = (λ·W + 1)/R, and
 * W = S₁·(1 − b) + S₁·b·E[k]. A least-squares line of each run's mean latency W on its E[k] gives
 * S₁ = intercept + slope and b = slope / S₁. The replica slows down when b ≥ {@value #MIN_SLOWDOWN}
 * and, with three or more runs, the slope is significant (p &lt; 0.05); otherwise it serves in parallel
 * (b is then reported but 0 is the model).
 */
public final class SlowdownFit {
    /** A slowdown per extra request below this is called parallel. */
    public static final double MIN_SLOWDOWN = 0.05;
    /** The runs' mean in-flight per replica must span at least this much. */
    public static final double MIN_SPREAD = 0.5;

    private SlowdownFit() {
    }

    /** One run: its arrival rate, mean latency (seconds) and mean ready replicas. */
    public record Run(String name, double ratePerSecond, double meanLatencySeconds, double readyReplicas) {
        /** E[k]: requests in flight on a replica when one starts, itself included. */
        public double inFlightAtStart() {
            return (ratePerSecond * meanLatencySeconds + 1) / readyReplicas;
        }
    }

    /**
     * The fit.
     *
     * @param serviceAtOneSeconds S₁, the service time with a replica to itself
     * @param slowdown b, the fitted slowdown per extra request
     * @param slopePValue the slope's significance (NaN with two runs)
     * @param slowsDown the verdict
     */
    public record Result(List<Run> runs, double serviceAtOneSeconds, double slowdown, double slopePValue, boolean slowsDown) {
        public Result {
            runs = List.copyOf(runs);
        }

        /** What to write as {@code service.slowdown}: b when it slows down, else 0. */
        public double modelSlowdown() {
            return slowsDown ? Math.max(0, slowdown) : 0;
        }
    }

    /** Fits {@code runs} (at least two, spanning {@link #MIN_SPREAD} of in-flight per replica). */
    public static Result fit(List<Run> runs) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("a slowdown fit needs runs at two or more load levels but had " + runs.size());
        }
        SimpleRegression line = new SimpleRegression();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Run r : runs) {
            line.addData(r.inFlightAtStart(), r.meanLatencySeconds());
            low = Math.min(low, r.inFlightAtStart());
            high = Math.max(high, r.inFlightAtStart());
        }
        if (high - low < MIN_SPREAD) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the runs' in-flight requests per replica must"
                    + " span at least %.1f (run at lower and higher loads) but spanned %.2f to %.2f", MIN_SPREAD, low, high));
        }
        double s1 = line.getIntercept() + line.getSlope();
        double b = line.getSlope() / s1;
        double p = runs.size() >= 3 ? line.getSignificance() : Double.NaN;
        boolean slows = b >= MIN_SLOWDOWN && (Double.isNaN(p) || p < 0.05);
        return new Result(runs, s1, b, p, slows);
    }
}
