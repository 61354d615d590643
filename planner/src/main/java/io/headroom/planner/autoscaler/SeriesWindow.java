package io.headroom.planner.autoscaler;

import java.time.Duration;

/**
 * A {@link MetricWindow} read from a recorded series instead of a running driver: one value of
 * busy + queued per point, each the mean over the interval that ends at its time, and a constant
 * ready count. A window read at point {@code last} averages the points whose time lies in
 * {@code (time[last] - window, time[last]]} (at least the last point). Rates, CPU and pod ages are
 * not in such a series: rates read 0, CPU NaN, every ready replica counts as ready for ever. Used by
 * {@code headroom autoscaler replay} and by tests that feed a policy by hand.
 */
public final class SeriesWindow implements MetricWindow {
    private final double[] timesSeconds;
    private final double[] inFlight;
    private int ready;
    private int last;

    /** {@code timesSeconds} increasing; {@code inFlight} of the same length. */
    public SeriesWindow(double[] timesSeconds, double[] inFlight) {
        if (timesSeconds.length != inFlight.length || timesSeconds.length == 0) {
            throw new IllegalArgumentException("a series needs as many times as values, at least one");
        }
        this.timesSeconds = timesSeconds.clone();
        this.inFlight = inFlight.clone();
    }

    /** The window as read at point {@code index}, with {@code readyNow} ready replicas. */
    public SeriesWindow at(int index, int readyNow) {
        this.last = index;
        this.ready = readyNow;
        return this;
    }

    @Override
    public double meanInFlight(Duration window) {
        double from = timesSeconds[last] - window.toNanos() / 1e9;
        double sum = 0;
        int n = 0;
        for (int i = last; i >= 0 && (i == last || timesSeconds[i] > from); i--) {
            sum += inFlight[i];
            n++;
        }
        return sum / n;
    }

    @Override
    public double meanBusy(Duration window) {
        return meanInFlight(window);
    }

    @Override
    public double meanReady(Duration window) {
        return ready;
    }

    @Override
    public double arrivalsPerSecond(Duration window) {
        return 0;
    }

    @Override
    public double completionsPerSecond(Duration window) {
        return 0;
    }

    @Override
    public int readyForAtLeast(Duration age) {
        return ready;
    }

    @Override
    public int readyStartedWithin(Duration startedWithin, Duration readyWithin) {
        return 0;
    }

    @Override
    public double cpuUtilization(Duration window) {
        return Double.NaN;
    }
}
