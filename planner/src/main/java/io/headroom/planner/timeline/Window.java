package io.headroom.planner.timeline;

/**
 * A maximal run of seconds with 503s (short gaps merged).
 *
 * @param startSecond first second with a 503
 * @param endSecond the second after the last second with a 503 (exclusive)
 * @param rejected 503s in the window
 * @param peakRejectedPerSecond most 503s in one second
 * @param peakArrivalsPerSecond most requests sent in one second
 * @param cause why, or null when unknown (an observed timeline without replica data)
 */
public record Window(int startSecond, int endSecond, long rejected, long peakRejectedPerSecond,
        long peakArrivalsPerSecond, WindowCause cause) {
    public Window {
        if (startSecond < 0 || endSecond <= startSecond || rejected < 0) {
            throw new IllegalArgumentException("a window needs 0 <= start < end and rejected >= 0 but had "
                    + startSecond + ".." + endSecond + ", " + rejected);
        }
    }

    /** Length in seconds. */
    public int seconds() {
        return endSecond - startSecond;
    }
}
