package io.headroom.planner.autoscaler;

import java.time.Duration;

/** A test {@link MetricWindow}: in-flight per whole second, given as a series; reads at the end of second {@code now}. */
final class SecondsWindow implements MetricWindow {
    private final double[] inFlightBySecond;
    private final int ready;
    private int now;

    SecondsWindow(double[] inFlightBySecond, int ready) {
        this.inFlightBySecond = inFlightBySecond;
        this.ready = ready;
    }

    /** The window as read at time {@code second} (the seconds before it are history). */
    SecondsWindow at(int second) {
        now = second;
        return this;
    }

    @Override
    public double meanInFlight(Duration window) {
        int n = (int) Math.min(now, window.toSeconds());
        double sum = 0;
        for (int s = now - n; s < now; s++) {
            sum += inFlightBySecond[s];
        }
        return n == 0 ? inFlightBySecond[0] : sum / n;
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
