package io.headroom.loadgen.loadtest;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;
import java.util.Optional;

/**
 * The file descriptors this process may open ({@code ulimit -n}) and has open, and the two rules a
 * load test keeps with them. Every in-flight request holds a connection, and an open-model load
 * test whose target (or this machine) stalls keeps starting requests, each on a new connection, so
 * a stall at a high rate exhausts the limit ({@code Too many open files}: the 20 k requests/s
 * collapse). Measured here with {@code bench loadtest --rates 20000} on a busy machine: open
 * descriptors rose from about 600 to the 20,000 limit within 2 s and 97,509 of 200,000 requests got
 * no response (before this guard); an endpoint in the same process (as in the benchmark) holds a second descriptor per
 * connection.
 *
 * <ul>
 * <li>Before a test: the limit must leave room for {@link #MIN_STALL_SECONDS} of the plan's peak
 * rate in flight (one connection per request), or the test is refused.
 * <li>During a test: at {@link #STOP_AT} of the limit the test is stopped, incomplete, with a reason
 * that says so, before the process fails in ways that look like the target's.
 * </ul>
 */
public final class Descriptors {
    /** A stall this long at the peak rate must fit in the limit. */
    public static final double MIN_STALL_SECONDS = 0.1;
    /**
     * The share of the limit at which a running test is stopped. A pile-up can still recover (the
     * same benchmark once ended at 1.000 of plan, start lag p99 188 ms), so the guard leaves it as
     * much room as it safely can: checked every {@link #CHECK_MILLIS} ms, and at 20 k requests/s
     * descriptors rose by up to 2,300 in 50 ms (stopped at 85 %, 19,314 of 20,000 were open), about
     * 1,200 in one check.
     */
    public static final double STOP_AT = 0.85;
    /** How often a running test checks its descriptors. */
    public static final long CHECK_MILLIS = 25;

    private Descriptors() {
    }

    /** Open descriptors and the limit, or empty where the JVM does not tell (not Unix). */
    public static Optional<long[]> openAndMax() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return Optional.of(new long[] {unix.getOpenFileDescriptorCount(), unix.getMaxFileDescriptorCount()});
        }
        return Optional.empty();
    }

    /** Why a plan with this peak cannot start with {@code open} of {@code max} descriptors in use, or empty when it can. */
    static Optional<String> refusal(int peakRequestsPerSecond, long open, long max) {
        long room = (long) (STOP_AT * max) - open;
        long needed = (long) Math.ceil(peakRequestsPerSecond * MIN_STALL_SECONDS);
        if (room >= needed) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "this process may open %d file descriptors (ulimit -n) and has %d open, so a load"
                + " test may use %d more before it is stopped at %.0f %%; the plan's peak of %d requests/s needs %d for a %.1f s"
                + " stall of the target (one connection per request in flight): raise ulimit -n, or split the plan over"
                + " injectors with --segment I/N", max, open, Math.max(0, room), 100 * STOP_AT, peakRequestsPerSecond, needed,
                MIN_STALL_SECONDS));
    }

    /** Why a running test must stop now, or empty while there is room. */
    static Optional<String> exhausted(long open, long max) {
        if (open < STOP_AT * max) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "this process ran short of file descriptors: %d open of the %d it may open"
                + " (ulimit -n), stopped at %.0f %%; requests in flight piled up on new connections because the target or this"
                + " machine stalled (see the start lag); not the target's own behaviour", open, max, 100 * STOP_AT));
    }
}
