package io.headroom.planner.dist;

import java.time.Duration;

/** Every draw is {@code value}. */
public record ConstantDistribution(Duration value) implements DistributionSpec {
    public ConstantDistribution {
        Distributions.requireNonNegative("value", value);
    }

    @Override
    public String kind() {
        return "constant";
    }

    @Override
    public Duration mean() {
        return value;
    }

    @Override
    public double cv() {
        return 0;
    }

    @Override
    public DurationSampler sampler() {
        long nanos = value.toNanos();
        return random -> nanos;
    }
}
