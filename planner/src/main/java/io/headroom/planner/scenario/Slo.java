package io.headroom.planner.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/** Service-level objectives a run is judged against; each one is optional. */
public record Slo(OptionalDouble max503Fraction, Optional<Duration> latencyP50, Optional<Duration> latencyP90,
        Optional<Duration> latencyP99) {
    public static final Slo NONE = new Slo(OptionalDouble.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Slo {
        if (max503Fraction.isPresent() && !(max503Fraction.getAsDouble() >= 0 && max503Fraction.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("slo.max503Fraction must be in [0, 1] but was " + max503Fraction.getAsDouble());
        }
    }

    /** True when no objective is set. */
    public boolean isEmpty() {
        return max503Fraction.isEmpty() && latencyP50.isEmpty() && latencyP90.isEmpty() && latencyP99.isEmpty();
    }
}
