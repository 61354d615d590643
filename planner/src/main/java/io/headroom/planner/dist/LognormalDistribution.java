package io.headroom.planner.dist;

import java.time.Duration;

/**
 * Lognormal given by its mean and coefficient of variation: sigma^2 = ln(1 + cv^2),
 * mu = ln(mean) - sigma^2 / 2 (Johnson, Kotz and Balakrishnan, <i>Continuous Univariate
 * Distributions</i>, vol. 1, ch. 14).
 */
public record LognormalDistribution(Duration mean, double cv) implements DistributionSpec {
    /** The standard normal 0.99 quantile. */
    static final double Z99 = 2.3263478740408408;

    public LognormalDistribution {
        Distributions.requirePositive("mean", mean);
        if (!(cv > 0) || Double.isInfinite(cv)) {
            throw new IllegalArgumentException("cv must be > 0 but was " + cv);
        }
    }

    /**
     * The lognormal with this mean whose 99th percentile is {@code p99}. From
     * ln(p99 / mean) = z·sigma - sigma^2/2, the smaller root sigma = z - sqrt(z^2 - 2 ln(p99/mean)).
     *
     * @throws IllegalArgumentException when p99 is not above the mean, or more than e^(z^2/2) ≈ 14.9 times it
     */
    public static LognormalDistribution fromMeanAndP99(Duration mean, Duration p99) {
        Distributions.requirePositive("mean", mean);
        double ratio = p99.toNanos() / (double) mean.toNanos();
        double disc = Z99 * Z99 - 2 * Math.log(ratio);
        if (!(ratio > 1) || disc < 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a lognormal needs mean < p99 <= %.1f × mean but had p99/mean = %.3f", Math.exp(Z99 * Z99 / 2), ratio));
        }
        double sigma = Z99 - Math.sqrt(disc);
        return new LognormalDistribution(mean, Math.sqrt(Math.expm1(sigma * sigma)));
    }

    @Override
    public String kind() {
        return "lognormal";
    }

    double sigma() {
        return Math.sqrt(Math.log1p(cv * cv));
    }

    double mu() {
        double s = sigma();
        return Math.log(mean.toNanos()) - s * s / 2;
    }

    /** The p-quantile in nanoseconds. */
    public double quantileNanos(double p) {
        return Math.exp(mu() + sigma() * new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability(p));
    }

    @Override
    public DurationSampler sampler() {
        double mu = mu();
        double sigma = sigma();
        return random -> (long) Math.exp(mu + sigma * random.nextGaussian());
    }
}
