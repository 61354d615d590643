package io.headroom.planner.dist;

import java.time.Duration;
import java.util.SplittableRandom;

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
    public long sampleNanos(SplittableRandom random) {
        return (long) (-mean.toNanos() * Math.log(1.0 - random.nextDouble()));
    }
}
