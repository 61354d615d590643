package io.headroom.planner.timeline;

/**
 * A maximal run of seconds whose latency p99 exceeds the scenario's latency objective (short gaps merged).
 *
 * @param startSecond first slow second
 * @param endSecond the second after the last slow second (exclusive)
 * @param requests requests sent in the window's slow seconds
 * @param peakP99Ms the highest per-second p99 in the window, ms
 * @param cause why, or null when unknown (an observed timeline without replica data)
 */
public record LatencyWindow(int startSecond, int endSecond, long requests, double peakP99Ms, LatencyCause cause) {
    public LatencyWindow {
        if (startSecond < 0 || endSecond <= startSecond || requests < 0) {
            throw new IllegalArgumentException("a latency window needs 0 <= start < end and requests >= 0 but had "
                    + startSecond + ".." + endSecond + ", " + requests);
        }
    }

    /** Length in seconds. */
    public int seconds() {
        return endSecond - startSecond;
    }
}
