package io.headroom.planner.dist;

import java.util.SplittableRandom;

/** Draws durations, in nanoseconds, from a caller's random stream. */
@FunctionalInterface
public interface DurationSampler {
    long sampleNanos(SplittableRandom random);
}
