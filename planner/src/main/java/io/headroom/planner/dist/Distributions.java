package io.headroom.planner.dist;

import java.time.Duration;
import java.util.List;

/** The registry of distribution names and shared argument checks. */
public final class Distributions {
    /** The names a scenario file may give as {@code distribution:}. */
    public static final List<String> NAMES = List.of("constant", "exponential", "lognormal", "gamma", "empirical");

    private Distributions() {
    }

    static void requirePositive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0s but was " + d);
        }
    }

    static void requireNonNegative(String what, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be >= 0s but was " + d);
        }
    }
}
