package io.headroom.reports.compare;

import io.headroom.planner.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How much worse than the baseline a run may be: {@code compare --fail-on KEY=VALUE}. Only rises
 * count ("no worse than last week"): {@code fraction503}, {@code fraction504}, {@code fraction502}
 * the largest allowed absolute rise of the fraction (0.001 = 0.1 percentage points); {@code p50},
 * {@code p90}, {@code p99} and {@code replicaHours} the largest allowed relative rise (0.1 = 10 %);
 * {@code windows} the largest allowed rise in the number of 503 windows. A threshold on a metric
 * one of the runs does not have (replica-hours of a target without metrics, latency of a run that
 * served nothing) cannot be judged, which is an input error, not a pass.
 *
 * @param limits each key's limit
 */
public record RegressionThresholds(Map<String, Double> limits) {
    /** The keys, in the order the verdict checks them. */
    public enum Key {
        FRACTION503("fraction503", false, "largest absolute rise of the 503 fraction (0.001 = 0.1 percentage points)"),
        FRACTION504("fraction504", false, "largest absolute rise of the 504 fraction"),
        FRACTION502("fraction502", false, "largest absolute rise of the 502 fraction"),
        P50("p50", true, "largest relative rise of latency p50 (0.1 = 10 %)"),
        P90("p90", true, "largest relative rise of latency p90"),
        P99("p99", true, "largest relative rise of latency p99"),
        REPLICA_HOURS("replicaHours", true, "largest relative rise of replica-hours"),
        WINDOWS("windows", false, "largest rise in the number of 503 windows (a whole number)");

        private final String key;
        private final boolean relative;
        private final String meaning;

        Key(String key, boolean relative, String meaning) {
            this.key = key;
            this.relative = relative;
            this.meaning = meaning;
        }

        public String key() {
            return key;
        }

        public String meaning() {
            return meaning;
        }

        static Key of(String key) {
            return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "a threshold must be one of " + Arrays.stream(values()).map(Key::key).collect(Collectors.joining(", "))
                            + " but was '" + key + "'"));
        }
    }

    /** No thresholds: the comparison informs, it never fails. */
    public static final RegressionThresholds NONE = new RegressionThresholds(Map.of());

    public RegressionThresholds {
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /**
     * Thresholds from {@code KEY=VALUE} text.
     *
     * @throws IllegalArgumentException naming the key and what it takes
     */
    public static RegressionThresholds parse(Map<String, String> text) {
        Map<String, Double> limits = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : text.entrySet()) {
            Key key = Key.of(e.getKey());
            double value;
            try {
                value = Double.parseDouble(e.getValue().strip());
            } catch (NumberFormatException notANumber) {
                value = Double.NaN;
            }
            boolean whole = key != Key.WINDOWS || value == Math.rint(value);
            if (!(value >= 0) || Double.isInfinite(value) || !whole) {
                throw new IllegalArgumentException(key.key + " takes " + (key == Key.WINDOWS ? "a whole number >= 0, e.g. windows=0"
                        : "a number >= 0, e.g. " + key.key + (key.relative ? "=0.1 for 10 %" : "=0.001")) + ", but was '"
                        + e.getValue() + "'");
            }
            limits.put(key.key, value);
        }
        return new RegressionThresholds(limits);
    }

    /** The thresholds as the verdict states them, e.g. {@code fraction503 +0.1 pp, p99 +10 %}. */
    public String describe() {
        if (limits.isEmpty()) {
            return "no --fail-on thresholds: informational";
        }
        return "--fail-on " + Arrays.stream(Key.values()).filter(k -> limits.containsKey(k.key))
                .map(k -> k.key + " rise <= " + print(k, limits.get(k.key))).collect(Collectors.joining(", "));
    }

    RunComparison.Verdict judge(List<RunComparison.Metric> metrics, boolean incomplete) {
        List<String> failures = new ArrayList<>();
        for (Key key : Key.values()) {
            Double limit = limits.get(key.key);
            if (limit == null) {
                continue;
            }
            RunComparison.Metric m = metrics.stream().filter(x -> x.key().equals(key.key)).findFirst().orElseThrow();
            if (m.baseline() == null || m.candidate() == null) {
                throw new InvalidInputException("--fail-on " + key.key + " cannot be judged: " + (m.baseline() == null ? "BASELINE" : "NEW")
                        + " has no " + m.label() + (key == Key.REPLICA_HOURS ? " (its target exposed no replica counts)"
                        : " (it served no request)") + "; drop the threshold or compare runs that have it");
            }
            double rise = key.relative ? relativeRise(m.baseline(), m.candidate()) : m.candidate() - m.baseline();
            if (rise > limit + 1e-12) {
                failures.add(String.format(Locale.ROOT, "%s rose %s (from %s to %s), more than the %s allowed", m.label(), print(key, rise),
                        value(m.unit(), m.baseline()), value(m.unit(), m.candidate()), print(key, limit)));
            }
        }
        if (incomplete) {
            failures.add("a run is incomplete: it stopped before the end of its traffic");
        }
        boolean gating = !limits.isEmpty();
        return new RunComparison.Verdict(failures.isEmpty() || !gating, describe(), gating, failures);
    }

    private static double relativeRise(double baseline, double candidate) {
        if (baseline == 0) {
            return candidate > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return (candidate - baseline) / baseline;
    }

    static String print(Key key, double value) {
        if (Double.isInfinite(value)) {
            return "from 0";
        }
        if (key.relative) {
            return String.format(Locale.ROOT, "%+.1f %%", 100 * value);
        }
        if (key == Key.WINDOWS) {
            return String.format(Locale.ROOT, "%+d", Math.round(value));
        }
        return String.format(Locale.ROOT, "%+.3f pp", 100 * value);
    }

    /** A metric's value in its unit, for messages and tables: {@code 0.120 %}, {@code 812.0 ms}, {@code 3.25 h}, {@code 2}. */
    public static String value(String unit, Double v) {
        if (v == null) {
            return "n/a";
        }
        return switch (unit) {
            case "fraction" -> String.format(Locale.ROOT, "%.3f %%", 100 * v);
            case "ms" -> String.format(Locale.ROOT, "%.1f ms", v);
            case "hours" -> String.format(Locale.ROOT, "%.2f h", v);
            default -> String.format(Locale.ROOT, "%d", Math.round(v));
        };
    }
}
