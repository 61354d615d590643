package io.headroom.planner.scenario;

import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a request-count trace: CSV, one row per bucket in time order, the request count of the
 * bucket in the LAST column (a whole number >= 0). The first row may be a header (its last column
 * is not a number); blank lines and lines starting with {@code #} are skipped. A bad row is an
 * error at {@code file:line:column} quoting a short excerpt of the value.
 *
 * <p>When the FIRST of two or more columns is a time, the buckets' resolution is read from it: a
 * timestamp ({@code 2024-03-04T08:45:00}, with a space instead of the {@code T}, with an offset or
 * {@code Z}, or a time of day {@code 08:45[:00]}), or a number whose header names its unit
 * ({@code second}, {@code minute}, {@code ms}, {@code epoch}, ...). Its rows must then be evenly
 * spaced, a whole number of seconds apart. A number under any other header ({@code time},
 * {@code t}, none) is not read as a time: its unit is anyone's guess.
 */
final class TraceReader {
    private TraceReader() {
    }

    /**
     * The rows of a trace.
     *
     * @param counts the request count of each bucket, in order
     * @param timeResolution the spacing of the time column, when the trace has one and at least two rows
     * @param timeAt where the time column shows that spacing ({@code file:line:column} of the second row's time)
     * @param start the time of the first bucket, when the source tells it as an instant (monitoring exports)
     */
    record Rows(List<Integer> counts, Optional<Duration> timeResolution, String timeAt, Optional<java.time.Instant> start) {
    }

    static Rows read(SideFile file) {
        List<String> lines = file.lines();
        List<Integer> counts = new ArrayList<>();
        TimeColumn time = null;
        String headerLine = null;
        boolean first = true;
        Long previousNanos = null;
        Duration spacing = null;
        String spacingAt = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int fieldStart = raw.lastIndexOf(',') + 1;
            String last = raw.substring(fieldStart).strip();
            int column = last.isEmpty() ? fieldStart : raw.indexOf(last, fieldStart);
            boolean header = first && !last.matches("[-+]?\\d+(\\.\\d+)?");
            first = false;
            if (header) {
                headerLine = raw;
                continue;
            }
            if (time == null) {
                time = TimeColumn.of(headerLine, raw);
            }
            counts.add(count(last, file, i, column));
            if (time != TimeColumn.NONE && fieldStart > 0) {
                String cell = raw.substring(0, raw.indexOf(',')).strip();
                int cellColumn = raw.indexOf(cell);
                long nanos = time.nanos(cell, file.at(i, cellColumn));
                if (previousNanos != null) {
                    Duration step = Duration.ofNanos(nanos - previousNanos);
                    if (spacing == null) {
                        if (step.isNegative() || step.isZero() || step.getNano() != 0) {
                            throw new InvalidInputException("a trace's time column must rise by a whole number of seconds"
                                    + " (>= 1s) from row to row, its resolution, but rose by " + io.headroom.planner.time.Durations
                                            .format(step) + " (" + file.at(i, cellColumn) + ")");
                        }
                        spacing = step;
                        spacingAt = file.at(i, cellColumn);
                    } else if (!step.equals(spacing)) {
                        throw new InvalidInputException("a trace's rows must be evenly spaced, "
                                + io.headroom.planner.time.Durations.format(spacing) + " apart as its first two, but this one is "
                                + io.headroom.planner.time.Durations.format(step) + " after the previous (" + file.at(i, cellColumn)
                                + ")");
                    }
                }
                previousNanos = nanos;
            }
        }
        return new Rows(counts, Optional.ofNullable(spacing), spacingAt, Optional.empty());
    }

    private static int count(String text, SideFile file, int lineIndex, int column) {
        if (text.matches("\\d{1,10}")) {
            long value = Long.parseLong(text);
            if (value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw new InvalidInputException("a trace row's last column must be a request count, a whole number >= 0, but was "
                + Excerpt.quoted(text) + " (" + file.at(lineIndex, column) + ")");
    }

    /** How the first column tells time, decided from the header (or, without one, the first row). */
    enum TimeColumn {
        NONE(0), TIMESTAMP(0), NANOS_PER_MS(1_000_000L), SECONDS(1_000_000_000L), MINUTES(60_000_000_000L),
        HOURS(3_600_000_000_000L);

        private final long nanosPerUnit;

        TimeColumn(long nanosPerUnit) {
            this.nanosPerUnit = nanosPerUnit;
        }

        /** From the header line (null when there is none) and the first data row. */
        static TimeColumn of(String headerLine, String firstRow) {
            if (firstRow.indexOf(',') < 0) {
                return NONE;
            }
            String cell = firstRow.substring(0, firstRow.indexOf(',')).strip();
            if (timestamp(cell) != null) {
                return TIMESTAMP;
            }
            if (headerLine == null || headerLine.indexOf(',') < 0) {
                return NONE;
            }
            String name = headerLine.substring(0, headerLine.indexOf(',')).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            switch (name) {
                case "ms": case "millis": case "milliseconds": case "millisecond": case "timems":
                    return NANOS_PER_MS;
                case "s": case "sec": case "secs": case "second": case "seconds": case "times": case "epoch": case "unix":
                case "epochseconds": case "offset": case "offsets":
                    return SECONDS;
                case "m": case "min": case "mins": case "minute": case "minutes": case "timem":
                    return MINUTES;
                case "h": case "hour": case "hours":
                    return HOURS;
                default:
                    return NONE;
            }
        }

        /** The time in {@code cell} as nanoseconds on some fixed scale (differences are what count). */
        long nanos(String cell, String at) {
            if (this == TIMESTAMP) {
                Long nanos = timestamp(cell);
                if (nanos == null) {
                    throw new InvalidInputException("a trace's time column must hold a timestamp such as 2024-03-04T08:45:00"
                            + " or 08:45:00 but was " + Excerpt.quoted(cell) + " (" + at + ")");
                }
                return nanos;
            }
            if (!cell.matches("\\d{1,12}(\\.\\d{1,9})?")) {
                throw new InvalidInputException("a trace's time column must hold numbers >= 0 (" + name().toLowerCase(Locale.ROOT)
                        + ") but was " + Excerpt.quoted(cell) + " (" + at + ")");
            }
            return Math.round(Double.parseDouble(cell) * nanosPerUnit);
        }

        static Long timestamp(String cell) {
            String text = cell.replace(' ', 'T');
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli() * 1_000_000L;
            } catch (DateTimeParseException e) {
                // not with an offset
            }
            try {
                return ChronoUnit.NANOS.between(LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.parse(text));
            } catch (DateTimeParseException e) {
                // not a local date-time
            }
            try {
                return LocalTime.parse(cell).toNanoOfDay();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
