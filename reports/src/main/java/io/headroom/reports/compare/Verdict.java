package io.headroom.reports.compare;

import java.util.List;

/**
 * Whether a prediction held.
 *
 * @param agrees every threshold held
 * @param failures one line per threshold that did not, empty when it agrees
 */
public record Verdict(boolean agrees, List<String> failures) {
    public Verdict {
        failures = List.copyOf(failures);
    }
}
