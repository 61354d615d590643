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

    /**
     * The {@code p} quantile in seconds, from {@code samples} draws of a fixed seed (deterministic; exact
     * for a constant): nearest rank.
     */
    default double sampledQuantileSeconds(double p, int samples) {
        DurationSampler s = sampler();
        SplittableRandom random = new SplittableRandom(samples);
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            nanos[i] = s.sampleNanos(random);
        }
        java.util.Arrays.sort(nanos);
        return nanos[Math.max(0, Math.min(samples - 1, (int) Math.ceil(p * samples) - 1))] / 1e9;
    }

    /** Draws one value, in nanoseconds, from {@code random}. */
    default long sampleNanos(SplittableRandom random) {
        return sampler().sampleNanos(random);
    }
}
