package io.headroom.reports.compare;

import io.headroom.planner.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How far a prediction may be off and still count as agreeing. Keys, as {@code validate --fail-on}
 * takes them, are the {@link Key}s: {@code fraction503} (largest relative error of the 503 fraction),
 * {@code onset} and {@code end} (largest |error| in seconds of a matched window's start and end),
 * {@code precision}, {@code recall}, {@code overlap} (smallest per-second agreement of 503 seconds),
 * {@code p99} (largest relative error of latency p99), {@code windows} (largest number of unmatched
 * significant windows on either side). A failure reads in the key's unit:
 * {@code 503 fraction relative error 54.1 % exceeds 20 %}, {@code end error 8 s exceeds 2 s (window at 0:20)}.
 *
 * @param limits each key's limit
 * @param gating the user set them ({@code --fail-on}), so a failure fails the command; false for {@link #DEFAULT},
 *     which only informs
 */
public record Thresholds(Map<String, Double> limits, boolean gating) {
    /** Every key a threshold may have. */
    public static final List<String> KEYS = Arrays.stream(Key.values()).map(Key::key).toList();
    /** The defaults the verdict uses when the user sets none. */
    public static final Thresholds DEFAULT = new Thresholds(Map.of("fraction503", 0.2, "onset", 2.0, "recall", 0.5), false);

    /** What a threshold value is: how it is written on the command line and printed in a failure. */
    enum Unit {
        /** A relative error, a fraction ≥ 0 (0.2 = 20 %); printed as a percentage. */
        RELATIVE("a relative error as a fraction >= 0, e.g. %s=0.2 for 20 %%"),
        /** Whole or fractional seconds ≥ 0; printed with {@code s}. */
        SECONDS("a number of seconds >= 0, e.g. %s=2"),
        /** An agreement in [0, 1]; printed as a percentage. */
        AGREEMENT("a fraction in [0, 1], e.g. %s=0.5 for 50 %%"),
        /** A whole count ≥ 0. */
        COUNT("a whole number >= 0, e.g. %s=0");

        private final String form;

        Unit(String form) {
            this.form = form;
        }

        String print(double value) {
            return switch (this) {
                case RELATIVE, AGREEMENT -> percent(value);
                case SECONDS -> number(value) + " s";
                case COUNT -> number(value);
            };
        }

        boolean accepts(double value) {
            return switch (this) {
                case RELATIVE, SECONDS -> value >= 0 && Double.isFinite(value);
                case AGREEMENT -> value >= 0 && value <= 1;
                case COUNT -> value >= 0 && value == Math.rint(value) && Double.isFinite(value);
            };
        }
    }

    /** The thresholds {@code --fail-on} knows, in the order the verdict checks them. */
    public enum Key {
        FRACTION503("fraction503", Unit.RELATIVE, "largest relative error of the 503 fraction"),
        ONSET("onset", Unit.SECONDS, "largest error in seconds of a matched window's start"),
        END("end", Unit.SECONDS, "largest error in seconds of a matched window's end"),
        PRECISION("precision", Unit.AGREEMENT, "smallest share of predicted 503 seconds that were observed"),
        RECALL("recall", Unit.AGREEMENT, "smallest share of observed 503 seconds that were predicted"),
        OVERLAP("overlap", Unit.AGREEMENT, "smallest overlap (Jaccard index) of the 503 seconds"),
        P99("p99", Unit.RELATIVE, "largest relative error of latency p99"),
        WINDOWS("windows", Unit.COUNT, "largest number of unmatched significant 503 windows");

        private final String key;
        private final Unit unit;
        private final String meaning;

        Key(String key, Unit unit, String meaning) {
            this.key = key;
            this.unit = unit;
            this.meaning = meaning;
        }

        public String key() {
            return key;
        }

        /** What the threshold limits, in words. */
        public String meaning() {
            return meaning;
        }

        /** How a value is written, e.g. {@code a number of seconds >= 0, e.g. onset=2}. */
        public String form() {
            return String.format(Locale.ROOT, unit.form, key);
        }

        static Key of(String key) {
            for (Key k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("a threshold must be one of " + String.join(", ", KEYS) + " but was '" + key + "'");
        }
    }

    public Thresholds {
        for (Map.Entry<String, Double> e : limits.entrySet()) {
            Key key = Key.of(e.getKey());
            if (e.getValue() == null || !key.unit.accepts(e.getValue())) {
                throw new IllegalArgumentException(e.getKey() + " takes " + key.form() + ", but was " + e.getValue());
            }
        }
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /** Thresholds the user set: they gate. */
    public Thresholds(Map<String, Double> limits) {
        this(limits, true);
    }

    /**
     * Thresholds from {@code KEY=VALUE} text as typed after {@code --fail-on}.
     *
     * @throws IllegalArgumentException naming the key and the form it takes, e.g.
     *     {@code onset takes a number of seconds >= 0, e.g. onset=2, but was '2s'}
     */
    public static Thresholds parse(Map<String, String> text) {
        Map<String, Double> limits = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : text.entrySet()) {
            Key key = Key.of(e.getKey());
            double value;
            try {
                value = Double.parseDouble(e.getValue().trim());
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(key.key + " takes " + key.form() + ", but was '" + e.getValue() + "'");
            }
            if (!key.unit.accepts(value)) {
                throw new IllegalArgumentException(key.key + " takes " + key.form() + ", but was '" + e.getValue() + "'");
            }
            limits.put(key.key, value);
        }
        return new Thresholds(limits);
    }

    /**
     * The thresholds as the verdict states them, e.g. {@code --fail-on fraction503 <= 20 %, onset <= 2 s}, or for
     * the defaults {@code default thresholds fraction503 <= 20 %, onset <= 2 s, recall >= 50 %, informational}.
     */
    public String describe() {
        return gating ? "--fail-on " + limitsText() : "default thresholds " + limitsText() + ", informational";
    }

    private String limitsText() {
        return limits.entrySet().stream().sorted(Map.Entry.comparingByKey(
                (a, b) -> Integer.compare(Key.of(a).ordinal(), Key.of(b).ordinal())))
                .map(e -> {
                    Key k = Key.of(e.getKey());
                    return k.key + (k.unit == Unit.AGREEMENT ? " >= " : " <= ") + k.unit.print(e.getValue());
                }).collect(Collectors.joining(", "));
    }

    Verdict judge(Comparison c) {
        List<String> failures = new ArrayList<>();
        for (Key key : Key.values()) {
            Double limit = limits.get(key.key);
            if (limit == null) {
                continue;
            }
            switch (key) {
                case FRACTION503 -> atMost(failures, key, "503 fraction relative error", c.relative503Error(), limit, "");
                case ONSET -> c.windows().stream().filter(m -> m.onsetErrorSeconds() != null)
                        .forEach(m -> atMost(failures, key, "onset error", Math.abs(m.onsetErrorSeconds()), limit,
                                " (window at " + Clock.of(m.predicted().startSecond()) + ")"));
                case END -> c.windows().stream().filter(m -> m.endErrorSeconds() != null)
                        .forEach(m -> atMost(failures, key, "end error", Math.abs(m.endErrorSeconds()), limit,
                                " (window at " + Clock.of(m.predicted().startSecond()) + ")"));
                case PRECISION -> atLeast(failures, key, "precision of 503 seconds", c.precision(), limit);
                case RECALL -> atLeast(failures, key, "recall of 503 seconds", c.recall(), limit);
                case OVERLAP -> atLeast(failures, key, "overlap of 503 seconds", c.overlap(), limit);
                case P99 -> relative(failures, key, c.latencyMs(), limit);
                case WINDOWS -> atMost(failures, key, "unmatched 503 windows", c.unmatchedObservedWindows().size()
                        + c.windows().stream().filter(m -> m.observed() == null).count(), limit, "");
            }
        }
        if (c.incomplete()) {
            failures.add("the load test is incomplete");
        }
        return new Verdict(failures.isEmpty(), describe(), gating, failures);
    }

    private static void atMost(List<String> failures, Key key, String what, double actual, double limit, String where) {
        if (actual > limit + 1e-12) {
            failures.add(what + " " + key.unit.print(actual) + " exceeds " + key.unit.print(limit) + where);
        }
    }

    private static void atLeast(List<String> failures, Key key, String what, Double actual, double limit) {
        if (actual != null && actual < limit - 1e-12) {
            failures.add(what + " " + key.unit.print(actual) + " is below " + key.unit.print(limit));
        }
    }

    private static void relative(List<String> failures, Key key, Comparison.Latency l, double limit) {
        Double p = l.predicted().p99();
        Double o = l.observed().p99();
        if (p != null && o != null && Math.max(p, o) > 0) {
            atMost(failures, key, "latency p99 relative error", Math.abs(o - p) / Math.max(p, o), limit, "");
        }
    }

    /** 0.541 → {@code 54.1 %}, 0.2 → {@code 20 %}. */
    private static String percent(double fraction) {
        return number(100 * fraction) + " %";
    }

    /** At most one decimal, none when whole: 8 → {@code 8}, 54.12 → {@code 54.1}. */
    private static String number(double v) {
        double rounded = Math.round(v * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.format(Locale.ROOT, "%d", (long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }
}
