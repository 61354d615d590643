package io.headroom.planner.traffic;

import io.headroom.planner.time.Durations;
import java.time.Duration;

/** The offered load of a scenario: how long, how requests are spread, and the rate over time. */
public record Traffic(Duration duration, ArrivalProcess arrivals, TrafficShape shape) {
    public Traffic {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("traffic.duration must be > 0s but was " + Durations.format(duration));
        }
        if (arrivals == null || shape == null) {
            throw new IllegalArgumentException("traffic needs arrivals and a profile or trace");
        }
    }

    /** Whole seconds of the run (the timeline's row count), rounded up. */
    public int seconds() {
        return (int) Math.ceil(duration.toNanos() / 1e9);
    }
}
