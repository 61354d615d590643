package io.headroom.reports.compare;

import java.util.List;
import java.util.Objects;

/**
 * Whether a prediction held.
 *
 * @param agrees every threshold held
 * @param thresholds what it was held to, in words ({@link Thresholds#describe})
 * @param gating the thresholds were set with {@code --fail-on}, so a failure fails {@code validate} (exit 4)
 * @param failures one line per threshold that did not, in its unit; empty when it agrees
 */
public record Verdict(boolean agrees, String thresholds, boolean gating, List<String> failures) {
    public Verdict {
        Objects.requireNonNull(thresholds, "thresholds");
        failures = List.copyOf(failures);
    }
}
