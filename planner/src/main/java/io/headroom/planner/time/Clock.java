package io.headroom.planner.time;

import java.util.Locale;

/**
 * The one printer of a time since the start of a run as a clock: {@code m:ss} below an hour
 * ({@code 12:05}), {@code h:mm:ss} from an hour on ({@code 1:02:05}, {@code 24:00:00}). Every table,
 * chart axis, window and event line prints times with it, so the same second reads the same
 * everywhere. Negative values get a minus sign.
 */
public final class Clock {
    /** Seconds from which {@link #of} switches from {@code m:ss} to {@code h:mm:ss}. */
    public static final long HOUR_SECONDS = 3600;

    private Clock() {
    }

    /** {@code seconds} since the start as {@code m:ss}, or {@code h:mm:ss} from an hour on. */
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
     * reaches an hour, else {@code "m:ss"} — for axis titles and table headings that name the format.
     */
    public static String notation(long lastSeconds) {
        return Math.abs(lastSeconds) >= HOUR_SECONDS ? "h:mm:ss" : "m:ss";
    }
}
