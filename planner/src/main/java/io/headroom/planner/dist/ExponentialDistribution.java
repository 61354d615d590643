package io.headroom.planner.dist;

import java.time.Duration;

/** Exponential with the given mean (cv = 1): the M in M/M/c. Sampled by inversion. */
public record ExponentialDistribution(Duration mean) implements DistributionSpec {
    public ExponentialDistribution {
        Distributions.requirePositive("mean", mean);
    }

    @Override
    public String kind() {
        return "exponential";
    }

    @Override
    public double cv() {
        return 1;
    }

    @Override
    public DurationSampler sampler() {
        double meanNanos = mean.toNanos();
        return random -> (long) (-meanNanos * Math.log(1.0 - random.nextDouble()));
    }
}
