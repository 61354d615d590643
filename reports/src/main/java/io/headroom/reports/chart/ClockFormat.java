package io.headroom.reports.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Seconds since the start of a run as a clock: {@code m:ss} below an hour ({@code 12:05}), {@code h:mm:ss}
 * from an hour on ({@code 1:02:05}). Used for chart time axes and the report's tables alike. Fractions
 * of a second are dropped (floor); negative values get a minus sign.
 */
public final class ClockFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    /** Formats whole seconds. */
    public static String of(long seconds) {
        long s = Math.abs(seconds);
        String sign = seconds < 0 ? "-" : "";
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s % 3600 / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%s%d:%02d", sign, s / 60, s % 60);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(of((long) Math.floor(number + 1e-9)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(of(number));
    }

    /** Not needed for charts: never parses. */
    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }
}
