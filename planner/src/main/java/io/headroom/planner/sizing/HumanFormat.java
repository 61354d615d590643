package io.headroom.planner.sizing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers for people: three significant digits, a unit, {@link Locale#ROOT}. Shared by explanations and tables. */
public final class HumanFormat {
    private HumanFormat() {
    }

    /** A fraction as a percentage: 0.001 → {@code 0.1%}, 0.0012345 → {@code 0.123%}, 3e-12 → {@code 3.00e-10%}. */
    public static String percent(double fraction) {
        return percent(fraction, 3);
    }

    /** A fraction as a percentage with {@code digits} significant digits, trailing zeros dropped. */
    public static String percent(double fraction, int digits) {
        double pct = fraction * 100;
        if (pct == 0) {
            return "0%";
        }
        if (Math.abs(pct) < 1e-4) {
            return String.format(Locale.ROOT, "%.2e%%", pct);
        }
        return significant(pct, digits) + "%";
    }

    /** Seconds with a readable unit: {@code 1.23 s}, {@code 45.6 ms}, {@code 7.89 us}, {@code 0 s}; tiny values in ns. */
    public static String seconds(double seconds) {
        if (seconds == 0) {
            return "0 s";
        }
        double abs = Math.abs(seconds);
        if (abs >= 1) {
            return significant(seconds) + " s";
        }
        if (abs >= 1e-3) {
            return significant(seconds * 1e3) + " ms";
        }
        if (abs >= 1e-6) {
            return significant(seconds * 1e6) + " us";
        }
        if (abs >= 1e-9) {
            return significant(seconds * 1e9) + " ns";
        }
        return String.format(Locale.ROOT, "%.2e s", seconds);
    }

    /** A plain number without trailing zeros, e.g. {@code 20}, {@code 0.7}, {@code 1.5}. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String significant(double value) {
        return significant(value, 3);
    }

    private static String significant(double value, int digits) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
