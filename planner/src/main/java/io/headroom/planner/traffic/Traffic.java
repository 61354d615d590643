package io.headroom.planner.traffic;

import io.headroom.planner.time.Durations;
import java.time.Duration;

/** The offered load of a scenario: how long, how requests are spread, and the rate over time. */
public record Traffic(Duration duration, ArrivalProcess arrivals, TrafficShape shape) {
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
