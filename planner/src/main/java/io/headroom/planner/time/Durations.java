package io.headroom.planner.time;

import io.headroom.planner.Excerpt;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser and printer of durations, for scenario files and command-line options alike.
 *
 * <p>A duration is one or more {@code <number><unit>} parts, largest unit first, e.g. {@code 250ms},
 * {@code 10s}, {@code 1.5s}, {@code 5m}, {@code 15m30s}, {@code 1h}. Units: {@code us}, {@code ms},
 * {@code s}, {@code m}, {@code h}, {@code d}. A bare number is an error: a duration always carries
 * its unit.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h|d)");
    private static final String UNITS = "us, ms, s, m, h, d";
    /** The longest duration there is: {@link Long#MAX_VALUE} nanoseconds, a little over 106,751 days. */
    public static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private Durations() {
    }

    /**
     * The grammar {@link #parse} reads, as a regular expression (ECMA 262 and {@code java.util.regex}
     * alike) for {@code scenarios/headroom.schema.json}: each unit at most once, largest first. It
     * does not bound the total ({@link #MAX}); parse does.
     */
    public static String pattern() {
        StringBuilder p = new StringBuilder("^(?=\\d)");
        for (String unit : new String[] {"d", "h", "m", "s", "ms", "us"}) {
            p.append("(?:\\d+(?:\\.\\d+)?").append(unit).append(")?");
        }
        return p.append('$').toString();
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with a message that states the rule and the value
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        String shown = Excerpt.quoted(trimmed);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a duration needs a number and a unit (" + UNITS + ") but was empty");
        }
        if (trimmed.matches("[-+]?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException(
                    "a duration needs a unit (" + UNITS + "), e.g. '" + Excerpt.of(trimmed) + "s', but was the bare number " + shown);
        }
        if (trimmed.startsWith("-")) {
            throw new IllegalArgumentException("a duration must be >= 0 but was " + shown);
        }
        Matcher m = PART.matcher(trimmed);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        int lastRank = Integer.MAX_VALUE;
        while (at < trimmed.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException(
                        "a duration is a number with a unit (" + UNITS + "), e.g. 250ms, 10s, 15m30s, but was " + shown);
            }
            int rank = rank(m.group(2));
            if (rank >= lastRank) {
                throw new IllegalArgumentException(
                        "a duration lists its units largest first, each once, e.g. 1m30s, but was " + shown);
            }
            lastRank = rank;
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPer(m.group(2)))));
            at = m.end();
        }
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new IllegalArgumentException("a duration must be at most 106751d (about 292 years) but was " + shown);
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** Formats {@code d} in the same notation {@link #parse} reads, e.g. {@code 1m30s}, {@code 250ms}. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (nanos < 0) {
            out.append('-');
            nanos = -nanos;
        }
        if (nanos % 1_000_000_000L != 0 && nanos < 60_000_000_000L) {
            if (nanos % 1_000_000L == 0) {
                return out.append(nanos / 1_000_000L).append("ms").toString();
            }
            if (nanos < 1_000_000_000L && nanos % 1000L == 0) {
                return out.append(nanos / 1000L).append("us").toString();
            }
            return out.append(BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString()).append('s').toString();
        }
        long seconds = nanos / 1_000_000_000L;
        long fraction = nanos % 1_000_000_000L;
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (s > 0 || fraction > 0) {
            if (fraction > 0) {
                out.append(BigDecimal.valueOf(s * 1_000_000_000L + fraction, 9).stripTrailingZeros().toPlainString());
            } else {
                out.append(s);
            }
            out.append('s');
        }
        return out.toString();
    }

    /** Seconds as a double, for formulas. */
    public static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** A duration of {@code seconds} (rounded to the nanosecond). */
    public static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static int rank(String unit) {
        switch (unit) {
            case "us": return 0;
            case "ms": return 1;
            case "s": return 2;
            case "m": return 3;
            case "h": return 4;
            case "d": return 5;
            default: throw new IllegalStateException(unit);
        }
    }

    private static long nanosPer(String unit) {
        switch (unit) {
            case "us": return 1_000L;
            case "ms": return 1_000_000L;
            case "s": return 1_000_000_000L;
            case "m": return 60_000_000_000L;
            case "h": return 3_600_000_000_000L;
            case "d": return 86_400_000_000_000L;
            default: throw new IllegalStateException(unit.toLowerCase(Locale.ROOT));
        }
    }
}
