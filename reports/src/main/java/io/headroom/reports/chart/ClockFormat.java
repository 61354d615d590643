package io.headroom.reports.chart;

import io.headroom.planner.time.Clock;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * A run's {@link Clock} as a {@link NumberFormat}, for JFreeChart's time-axis ticks. Fractions of a
 * second are dropped (floor).
 */
final class ClockFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final transient Clock clock;

    ClockFormat(Clock clock) {
        this.clock = clock;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(clock.at((long) Math.floor(number + 1e-9)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(clock.at(number));
    }

    /** Not needed for charts: never parses. */
    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }
}
