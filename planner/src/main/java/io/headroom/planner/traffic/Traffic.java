package io.headroom.planner.traffic;

import io.headroom.planner.time.Clock;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The offered load of a scenario: how long, how requests are spread, the rate over time, and
 * optionally the wall-clock instant it starts (which only changes how times are printed).
 */
public record Traffic(Duration duration, ArrivalProcess arrivals, TrafficShape shape, Optional<ZonedDateTime> start) {
    /** The longest traffic whose seconds an {@code int} can count. */
    public static final Duration MAX_DURATION = Duration.ofSeconds(Integer.MAX_VALUE - 1);

    public Traffic {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("traffic.duration must be > 0s but was " + Durations.format(duration));
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("traffic.duration must be at most " + MAX_DURATION.toDays()
                    + "d (whole seconds must fit a timeline index) but was " + Durations.format(duration));
        }
        if (arrivals == null || shape == null) {
            throw new IllegalArgumentException("traffic needs arrivals and a profile or trace");
        }
        java.util.Objects.requireNonNull(start, "start");
    }

    /** Traffic whose times print as elapsed since the start. */
    public Traffic(Duration duration, ArrivalProcess arrivals, TrafficShape shape) {
        this(duration, arrivals, shape, Optional.empty());
    }

    /** How this run's times print: as the wall clock from {@link #start}, else as elapsed time. */
    public Clock clock() {
        return Clock.of(start);
    }

    /** Whole seconds of the run (the timeline's row count), rounded up. */
    public int seconds() {
        return (int) Math.ceil(duration.toNanos() / 1e9);
    }

    /** The expected number of requests over the whole run: the integral of the rate. */
    public double expectedRequests() {
        return shape.rate().expectedCount(0, duration.toNanos() / 1e9);
    }
}
