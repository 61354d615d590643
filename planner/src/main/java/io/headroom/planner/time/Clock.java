package io.headroom.planner.time;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one printer of times in a run. A run's times are seconds since its start; a scenario with
 * {@code traffic.start} prints them as the wall-clock time of that second, so a 9:00 marketing
 * email reads {@code 09:00:00}. Without a start, a time reads as elapsed time: {@code m:ss} below an
 * hour ({@code 12:05}), {@code h:mm:ss} from an hour on ({@code 1:02:05}, {@code 24:00:00}). Every
 * table, chart axis, window and event line prints times with it, so the same second reads the same
 * everywhere. Negative values get a minus sign.
 *
 * <p>A wall-clock time reads {@code HH:mm:ss} on the start's day and {@code MM-dd HH:mm:ss} on any
 * other, in the start's zone (daylight-saving changes included).
 */
public final class Clock {
    /** Seconds from which {@link #of} switches from {@code m:ss} to {@code h:mm:ss}. */
    public static final long HOUR_SECONDS = 3600;
    /** Times as elapsed since the start. */
    public static final Clock ELAPSED = new Clock(null);
    private static final DateTimeFormatter SAME_DAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private final ZonedDateTime start;

    private Clock(ZonedDateTime start) {
        this.start = start;
    }

    /** Times as the wall clock reads them when the run starts at {@code start}. */
    public static Clock startingAt(ZonedDateTime start) {
        return new Clock(Objects.requireNonNull(start, "start"));
    }

    /** The wall clock of {@code start}, else {@link #ELAPSED}. */
    public static Clock of(Optional<ZonedDateTime> start) {
        return start.map(Clock::startingAt).orElse(ELAPSED);
    }

    /** The instant the run starts, when the times are wall-clock times. */
    public Optional<ZonedDateTime> start() {
        return Optional.ofNullable(start);
    }

    /** The start as a heading prints it, e.g. {@code 2026-11-30 08:45:00 +01:00 Europe/Berlin}; empty without one. */
    public Optional<String> startText() {
        return start().map(t -> START.format(t) + (t.getZone().equals(t.getOffset()) ? "" : " " + t.getZone().getId()));
    }

    /** Second {@code seconds} of the run, as this clock prints it. */
    public String at(long seconds) {
        if (start == null) {
            return of(seconds);
        }
        ZonedDateTime t = start.plusSeconds(seconds);
        return (t.toLocalDate().equals(start.toLocalDate()) ? SAME_DAY : OTHER_DAY).format(t);
    }

    /**
     * How {@link #at} reads for times up to {@code lastSeconds}, for axis titles and headings:
     * {@code "h:mm:ss since the start"}, or {@code "HH:mm:ss, Europe/Berlin"}.
     */
    public String notationUpTo(long lastSeconds) {
        if (start == null) {
            return notation(lastSeconds) + " since the start";
        }
        boolean otherDay = !start.plusSeconds(lastSeconds).toLocalDate().equals(start.toLocalDate());
        return (otherDay ? "MM-dd HH:mm:ss" : "HH:mm:ss") + ", " + start.getZone().getId();
    }

    /** {@code seconds} as elapsed time: {@code m:ss}, or {@code h:mm:ss} from an hour on (for durations and times left). */
    public static String of(long seconds) {
        long s = Math.abs(seconds);
        String sign = seconds < 0 ? "-" : "";
        if (s >= HOUR_SECONDS) {
            return String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s % 3600 / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%s%d:%02d", sign, s / 60, s % 60);
    }

    /**
     * The notation {@link #of} uses for times up to {@code lastSeconds}: {@code "h:mm:ss"} when a run
     * reaches an hour, else {@code "m:ss"}.
     */
    public static String notation(long lastSeconds) {
        return Math.abs(lastSeconds) >= HOUR_SECONDS ? "h:mm:ss" : "m:ss";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clock c && Objects.equals(start, c.start);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(start);
    }

    @Override
    public String toString() {
        return start == null ? "elapsed" : "from " + start;
    }
}
