package io.headroom.planner.sim;

import java.util.SplittableRandom;

/**
 * The named random streams of one run, all derived from the scenario's seed. Each stream is split
 * from the root in a fixed order, so changing how much one stream is used (another autoscaler,
 * another error rate) leaves the others — above all the arrivals — unchanged.
 */
public record RandomStreams(SplittableRandom arrivals, SplittableRandom serviceTimes, SplittableRandom errors,
        SplittableRandom startups, SplittableRandom routing,
        SplittableRandom nodes) {
    /** The streams of a run with {@code seed}; the emulated endpoint uses the same ones as the simulator. */
    public static RandomStreams of(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        return new RandomStreams(root.split(), root.split(), root.split(), root.split(), root.split(),
                root.split());
    }
}
