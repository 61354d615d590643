package io.headroom.planner.scenario;

import io.headroom.planner.time.Durations;
import java.time.Duration;

/**
 * What a scenario may ask for, checked once at load before any of it runs: the work it implies
 * (expected requests × runs, and the length of its one-row-per-second timeline) and whether the
 * files it names (traces, empirical samples, a request body) may lie outside its own folder. A
 * scenario is often someone else's file run in CI: it must not be able to start what cannot
 * finish, nor read {@code /etc/shadow}.
 *
 * <p>The command line sets these from {@code --max-requests}, {@code --max-timeline} and
 * {@code --allow-outside}, and the refusals name those options as the way to lift a limit.
 *
 * @param maxRequests the most requests (expected requests of the traffic × {@code runs}) a command may simulate or send
 * @param maxTimeline the longest {@code traffic.duration}: timelines hold one row per second
 * @param runs how many times the command runs the traffic per configuration (seeds of {@code --runs}), >= 1
 * @param configurations how many configurations it simulates (a recommendation searches dozens), >= 1
 * @param allowOutsideFiles whether side files may resolve outside the scenario's folder
 */
public record LoadLimits(long maxRequests, Duration maxTimeline, long runs, long configurations, boolean allowOutsideFiles) {
    /** Requests a simulation command may simulate: about two minutes of one core at the measured ~7.5 M/s. */
    public static final long DEFAULT_MAX_SIMULATED_REQUESTS = 1_000_000_000L;
    /**
     * Requests the fast engine may simulate: its cost grows with simulated time, not requests, so this
     * only keeps rates finite (100 k rps for 31 years; the timeline limit binds first).
     */
    public static final long DEFAULT_MAX_FAST_REQUESTS = 100_000_000_000_000L;
    /**
     * Concurrency slots at the replica cap (maxReplicas x concurrency): requests in flight, and their
     * integral over a 1 s metric bucket in the fast engine's 1/256-request units, stay exact in a long.
     */
    public static final long MAX_SLOTS = 10_000_000L;
    /** Requests a load test may send: its plan keeps every request time (8 bytes each), 400 MB at this limit. */
    public static final long DEFAULT_MAX_LOAD_TEST_REQUESTS = 50_000_000L;
    /** The longest timeline: a week, 604,800 rows. */
    public static final Duration DEFAULT_MAX_TIMELINE = Duration.ofDays(7);
    /** The defaults of a simulation with one run, side files inside the scenario's folder. */
    public static final LoadLimits DEFAULT = new LoadLimits(DEFAULT_MAX_SIMULATED_REQUESTS, DEFAULT_MAX_TIMELINE, 1, 1,
            false);

    public LoadLimits {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("the request limit must be >= 1 but was " + maxRequests);
        }
        if (maxTimeline == null || maxTimeline.isNegative() || maxTimeline.isZero()) {
            throw new IllegalArgumentException("the timeline limit must be > 0s but was "
                    + (maxTimeline == null ? "missing" : Durations.format(maxTimeline)));
        }
        if (runs < 1 || configurations < 1) {
            throw new IllegalArgumentException("runs and configurations must be >= 1 but were " + runs + " and " + configurations);
        }
    }

    /** The same limits for {@code newRuns} runs. */
    public LoadLimits withRuns(long newRuns) {
        return new LoadLimits(maxRequests, maxTimeline, newRuns, configurations, allowOutsideFiles);
    }

    /** The same limits for a command that simulates {@code newConfigurations} configurations, each {@code runs} times. */
    public LoadLimits withConfigurations(long newConfigurations) {
        return new LoadLimits(maxRequests, maxTimeline, runs, newConfigurations, allowOutsideFiles);
    }

    /** The same limits with side files allowed anywhere, or not. */
    public LoadLimits withOutsideFiles(boolean allow) {
        return new LoadLimits(maxRequests, maxTimeline, runs, configurations, allow);
    }
}
