package io.headroom.planner.calibrate;

import io.headroom.planner.dist.DistributionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.AbstractHistogram;

/**
 * Fits the service-time distribution to a latency histogram (µs) from a low-load run (note §1.2,
 * §1.3): lognormal, gamma and exponential by grouped maximum likelihood, each judged by a G-test
 * on merged cells (reported; at large n every model is rejected, so it does not decide) and by
 * the relative error of its p50, p95, p99 and p99.9 against the histogram's. A quantile is judged
 * only when the run holds at least {@value #TAIL_SAMPLES} samples above it (p99.9 needs 10,000);
 * a family is accepted when every judged quantile is within the tolerance, and the accepted family
 * with the lowest AIC wins. When none is accepted the answer is {@code empirical}: the histogram's
 * quantiles as samples.
 */
public final class ServiceTimeFit {
    /** The quantiles reported and judged. */
    public static final double[] QUANTILES = {0.50, 0.95, 0.99, 0.999};
    /** A quantile q is judged only when n·(1 − q) is at least this. */
    static final int TAIL_SAMPLES = 10;
    /** The samples an empirical fallback holds (at most; fewer when the run has fewer). */
    static final int EMPIRICAL_SAMPLES = 1000;

    private ServiceTimeFit() {
    }

    /** One family's fit and its scores. */
    public record Candidate(GroupedFit.Result fit, GTest.Result gTest, double[] relativeErrors, boolean[] judged,
            boolean accepted) {
        public Candidate {
            relativeErrors = relativeErrors.clone();
            judged = judged.clone();
        }

        public Family family() {
            return fit.family();
        }
    }

    /**
     * The whole answer.
     *
     * @param samples the observations fitted
     * @param observedMicros the histogram's quantiles at {@link #QUANTILES}
     * @param candidates every family, in {@link Family} order
     * @param winner the accepted family with the lowest AIC, if any
     * @param distribution what to write as {@code serviceTime}: the winner's, or empty for the empirical fallback
     * @param empiricalSamples the fallback's samples (the histogram's quantiles at (i + ½)/m)
     * @param meanMicros the winner's mean, else the histogram's; @param cv likewise; @param p99Micros likewise
     */
    public record Result(long samples, double[] observedMicros, List<Candidate> candidates, Optional<Candidate> winner,
            Optional<DistributionSpec> distribution, List<Duration> empiricalSamples, double meanMicros, double cv,
            double p99Micros, double tolerance) {
        public Result {
            observedMicros = observedMicros.clone();
            candidates = List.copyOf(candidates);
            empiricalSamples = List.copyOf(empiricalSamples);
        }

        /** The name written as {@code distribution}. */
        public String distributionName() {
            return winner.map(c -> c.family().kind).orElse("empirical");
        }
    }

    /** Fits {@code h} (values in µs); {@code tolerance} is the largest relative quantile error accepted, e.g. 0.05. */
    public static Result fit(AbstractHistogram h, double tolerance) {
        long n = h.getTotalCount();
        if (n < 2) {
            throw new IllegalArgumentException("a service-time fit needs at least two latencies but had " + n);
        }
        Intervals data = Intervals.of(h);
        double[] observed = new double[QUANTILES.length];
        for (int q = 0; q < QUANTILES.length; q++) {
            observed[q] = h.getValueAtPercentile(QUANTILES[q] * 100);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Family family : Family.values()) {
            GroupedFit.Result fit = GroupedFit.fit(data, family);
            double[] errors = new double[QUANTILES.length];
            boolean[] judged = new boolean[QUANTILES.length];
            boolean accepted = true;
            for (int q = 0; q < QUANTILES.length; q++) {
                errors[q] = fit.quantile(QUANTILES[q]) / observed[q] - 1;
                judged[q] = n * (1 - QUANTILES[q]) >= TAIL_SAMPLES;
                accepted &= !judged[q] || Math.abs(errors[q]) <= tolerance;
            }
            candidates.add(new Candidate(fit, GTest.of(data, fit), errors, judged, accepted));
        }
        Optional<Candidate> winner = candidates.stream().filter(Candidate::accepted)
                .min(Comparator.comparingDouble(c -> c.fit().aic()));
        List<Duration> empirical = new ArrayList<>();
        int m = (int) Math.min(EMPIRICAL_SAMPLES, n);
        for (int i = 0; i < m; i++) {
            empirical.add(Duration.ofNanos(h.getValueAtPercentile((i + 0.5) * 100.0 / m) * 1000));
        }
        double mean = winner.map(c -> c.fit().mean()).orElse(h.getMean());
        double cv = winner.map(c -> c.fit().cv()).orElse(h.getStdDeviation() / h.getMean());
        double p99 = winner.map(c -> c.fit().quantile(0.99)).orElse(observed[2]);
        return new Result(n, observed, candidates, winner, winner.map(c -> c.family().spec(c.fit().parameters(), 1000)),
                empirical, mean, cv, p99, tolerance);
    }
}
