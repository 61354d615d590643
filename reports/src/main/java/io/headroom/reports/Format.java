package io.headroom.reports;

import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.time.Durations;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Locale;

/** How the report prints numbers: {@link Locale#ROOT}, units always shown, three significant digits for measured values. */
final class Format {
    private Format() {
    }

    /** A fraction as a percentage with three significant digits: {@code 0.0123} → {@code 1.23 %}; 0 → {@code 0 %}. */
    static String percent(double fraction) {
        return significant(fraction * 100) + " %";
    }

    /** Three significant digits, plain notation, trailing zeros dropped: 1234.5 → 1230, 0.000123 → 0.000123. */
    static String significant(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value == 0 ? "0" : String.valueOf(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).round(new MathContext(3));
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            rounded = rounded.setScale(0, java.math.RoundingMode.HALF_EVEN);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** A latency in ms: below a second as {@code 231 ms}, from a second on as {@code 2.31 s}; null as {@code —}. */
    static String millis(Double ms) {
        if (ms == null || ms.isNaN()) {
            return "—";
        }
        return ms < 1000 ? significant(ms) + " ms" : significant(ms / 1000) + " s";
    }

    /** A fixed number of decimals. */
    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A whole number with thousands separators: 86400 → {@code 86,400}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Seconds since the start as m:ss (h:mm:ss from an hour on). */
    static String clock(long seconds) {
        return io.headroom.planner.time.Clock.of(seconds);
    }

    static String duration(Duration d) {
        return Durations.format(d);
    }

    /** A distribution in words: {@code lognormal, mean 2s, cv 0.5}; a constant as its value. */
    static String distribution(DistributionSpec d) {
        if (d.cv() == 0 && "constant".equals(d.kind())) {
            return Durations.format(d.mean()) + " (constant)";
        }
        return d.kind() + ", mean " + Durations.format(d.mean()) + ", cv " + significant(d.cv());
    }
}
