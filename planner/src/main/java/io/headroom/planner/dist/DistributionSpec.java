package io.headroom.planner.dist;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A distribution of durations (service times, replica startup times). One record per variant;
 * {@link Distributions#NAMES} is the registry of names a scenario file may use.
 */
public sealed interface DistributionSpec
        permits ConstantDistribution, ExponentialDistribution, LognormalDistribution, GammaDistribution,
        EmpiricalDistribution {

    /** The registry name, as written in a scenario file. */
    String kind();

    /** The mean. */
    Duration mean();

    /** Coefficient of variation (standard deviation / mean); 0 for a constant. */
    double cv();

    /** A sampler with the parameters worked out once, for hot loops. */
    DurationSampler sampler();

    /** Draws one value, in nanoseconds, from {@code random}. */
    default long sampleNanos(SplittableRandom random) {
        return sampler().sampleNanos(random);
    }
}
