package io.headroom.planner.traffic;

import java.time.Duration;

/** One segment of a {@link RateProfile}; each starts at {@link #at()} and lasts until the next. */
public sealed interface Segment permits Segment.Step, Segment.Ramp {
    /** When the segment starts, from the start of the run. */
    Duration at();

    /** From {@code at} on, a constant {@code rps}. */
    record Step(Duration at, double rps) implements Segment {
        public Step {
            if (at.isNegative() || !(rps >= 0) || Double.isInfinite(rps)) {
                throw new IllegalArgumentException("a step needs at >= 0s and a finite rps >= 0 but had rps=" + rps);
            }
        }
    }

    /** From {@code at}, a straight line from the rate then in effect to {@code toRps}, reached after {@code over}; held after. */
    record Ramp(Duration at, double toRps, Duration over) implements Segment {
        public Ramp {
            if (at.isNegative() || !(toRps >= 0) || Double.isInfinite(toRps) || over.isNegative()) {
                throw new IllegalArgumentException("a ramp needs at >= 0s, over >= 0s and a finite rampTo >= 0 but had rampTo=" + toRps);
            }
        }
    }
}
