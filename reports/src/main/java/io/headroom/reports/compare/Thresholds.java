package io.headroom.reports.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far a prediction may be off and still count as agreeing. Keys, as {@code validate --fail-on}
 * takes them: {@code fraction503} (largest relative error of the 503 fraction), {@code onset} and
 * {@code end} (largest |error| in seconds of a matched window's start and end), {@code precision},
 * {@code recall}, {@code overlap} (smallest per-second agreement of 503 seconds), {@code p99}
 * (largest relative error of latency p99), {@code windows} (largest number of unmatched significant
 * windows on either side).
 */
public record Thresholds(Map<String, Double> limits) {
    /** Every key a threshold may have. */
    public static final List<String> KEYS = List.of("fraction503", "onset", "end", "precision", "recall", "overlap", "p99", "windows");
    /** The defaults the verdict uses when the user sets none. */
    public static final Thresholds DEFAULT = new Thresholds(Map.of("fraction503", 0.2, "onset", 2.0, "recall", 0.5));

    public Thresholds {
        for (String key : limits.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("a threshold must be one of " + String.join(", ", KEYS) + " but was '" + key + "'");
            }
        }
        limits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    Verdict judge(Comparison c) {
        List<String> failures = new ArrayList<>();
        for (String key : KEYS) {
            if (!limits.containsKey(key)) {
                continue;
            }
            double limit = limits.get(key);
            switch (key) {
                case "fraction503" -> atMost(failures, "503 fraction relative error", c.relative503Error(), limit);
                case "onset" -> c.windows().stream().filter(m -> m.onsetErrorSeconds() != null)
                        .forEach(m -> atMost(failures, "onset error of the window at " + m.predicted().startSecond() + " s (s)",
                                Math.abs(m.onsetErrorSeconds()), limit));
                case "end" -> c.windows().stream().filter(m -> m.endErrorSeconds() != null)
                        .forEach(m -> atMost(failures, "end error of the window at " + m.predicted().startSecond() + " s (s)",
                                Math.abs(m.endErrorSeconds()), limit));
                case "precision" -> atLeast(failures, "precision of 503 seconds", c.precision(), limit);
                case "recall" -> atLeast(failures, "recall of 503 seconds", c.recall(), limit);
                case "overlap" -> atLeast(failures, "overlap of 503 seconds", c.overlap(), limit);
                case "p99" -> relative(failures, c.latencyMs(), limit);
                case "windows" -> atMost(failures, "unmatched 503 windows", c.unmatchedObservedWindows().size()
                        + c.windows().stream().filter(m -> m.observed() == null).count(), limit);
                default -> throw new IllegalStateException(key);
            }
        }
        if (c.incomplete()) {
            failures.add("the load test is incomplete");
        }
        return new Verdict(failures.isEmpty(), failures);
    }

    private static void atMost(List<String> failures, String what, double actual, double limit) {
        if (actual > limit + 1e-12) {
            failures.add(String.format(Locale.ROOT, "%s %.4g exceeds %.4g", what, actual, limit));
        }
    }

    private static void atLeast(List<String> failures, String what, Double actual, double limit) {
        if (actual != null && actual < limit - 1e-12) {
            failures.add(String.format(Locale.ROOT, "%s %.4g is below %.4g", what, actual, limit));
        }
    }

    private static void relative(List<String> failures, Comparison.Latency l, double limit) {
        Double p = l.predicted().p99();
        Double o = l.observed().p99();
        if (p != null && o != null && Math.max(p, o) > 0) {
            atMost(failures, "latency p99 relative error", Math.abs(o - p) / Math.max(p, o), limit);
        }
    }
}
