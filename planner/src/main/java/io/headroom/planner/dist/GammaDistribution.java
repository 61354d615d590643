package io.headroom.planner.dist;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Gamma given by its mean and coefficient of variation: shape k = 1 / cv^2, scale = mean / k.
 * Sampled with Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS
 * 26(3), 2000 (with the u^(1/k) boost for k &lt; 1).
 */
public record GammaDistribution(Duration mean, double cv) implements DistributionSpec {
    public GammaDistribution {
        Distributions.requirePositive("mean", mean);
        if (!(cv > 0) || Double.isInfinite(cv)) {
            throw new IllegalArgumentException("cv must be > 0 but was " + cv);
        }
    }

    /**
     * The gamma with this mean whose 99th percentile is {@code p99}: the shape is found with a Brent
     * solver on the gamma quantile (p99/mean falls as the shape grows).
     */
    public static GammaDistribution fromMeanAndP99(Duration mean, Duration p99) {
        Distributions.requirePositive("mean", mean);
        double ratio = p99.toNanos() / (double) mean.toNanos();
        double lowShape = 0.05;
        double highShape = 1e6;
        if (!(ratio > 1) || ratio >= ratioAt(lowShape)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a gamma needs mean < p99 < %.1f × mean but had p99/mean = %.3f", ratioAt(lowShape), ratio));
        }
        double shape = new BrentSolver(1e-10).solve(200, k -> ratioAt(k) - ratio, lowShape, highShape);
        return new GammaDistribution(mean, 1 / Math.sqrt(shape));
    }

    private static double ratioAt(double shape) {
        return new org.apache.commons.math3.distribution.GammaDistribution(null, shape, 1 / shape)
                .inverseCumulativeProbability(0.99);
    }

    @Override
    public String kind() {
        return "gamma";
    }

    double shape() {
        return 1 / (cv * cv);
    }

    @Override
    public DurationSampler sampler() {
        double k = shape();
        double scaleNanos = mean.toNanos() / k;
        if (k < 1) {
            return random -> {
                double boost = Math.pow(1.0 - random.nextDouble(), 1 / k);
                return (long) (scaleNanos * standardGamma(k + 1, random) * boost);
            };
        }
        return random -> (long) (scaleNanos * standardGamma(k, random));
    }

    private static double standardGamma(double k, SplittableRandom random) {
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
