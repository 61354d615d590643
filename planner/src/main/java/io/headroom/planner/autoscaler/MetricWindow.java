package io.headroom.planner.autoscaler;

import java.time.Duration;

/**
 * What an autoscaler can measure over time, as real ones do: metrics-server and Prometheus rate
 * windows for the HPA, the stable and panic windows of Knative's autoscaler, azureml-fe's refresh
 * interval. The driver (simulator or emulated endpoint) collects the counts into 1 s buckets on its
 * own clock, for as far back as the policy declares ({@link AutoscalerPolicy#metricHistory()}).
 *
 * <p>A window {@code w} read at time {@code now} covers {@code [now - w, now]}, clipped at the start
 * of the run (a window that reaches before time 0 is the average since 0). Where a window's edge
 * falls inside a bucket, that bucket counts with the share of its span that lies in the window
 * (exact when windows and decision times are whole seconds, as every policy's defaults are).
 * Valid only during the {@link AutoscalerPolicy#decide} call it was passed to.
 */
public interface MetricWindow {
    /** Time-average of requests in flight, being served plus waiting in the router queue. */
    double meanInFlight(Duration window);

    /** Time-average of busy concurrency slots (requests being served). */
    double meanBusy(Duration window);

    /** Time-average of ready replicas. */
    double meanReady(Duration window);

    /** Requests that arrived, per second. */
    double arrivalsPerSecond(Duration window);

    /** Requests whose service ended (the slot freed), per second. */
    double completionsPerSecond(Duration window);

    /** Ready replicas that have been ready for at least {@code age} (warm replicas of the start count as ready for ever). */
    int readyForAtLeast(Duration age);

    /**
     * Ready replicas whose pod started less than {@code startedWithin} ago and that became ready less
     * than {@code readyWithin} ago: what the HPA's CPU pod grouping sets aside as not yet initialised
     * (inside {@code cpuInitializationPeriod}, without a metric sample taken after readiness).
     */
    int readyStartedWithin(Duration startedWithin, Duration readyWithin);

    /**
     * Mean CPU use of a ready replica over the window as a fraction of its CPU request, from the
     * service's {@code cpuUsage} model: (idle + per busy slot × mean busy slots per ready replica) / request.
     * NaN when the replica requests no CPU.
     */
    double cpuUtilization(Duration window);

    /**
     * A window over a load that never changed: every mean of in-flight (and of busy) requests is
     * {@code inFlight}, and every replica has been ready for ever. For hand-made snapshots in tests
     * and for one-off decisions.
     */
    static MetricWindow steady(double inFlight, int ready) {
        return new SeriesWindow(new double[] {0}, new double[] {inFlight}).at(0, ready);
    }
}
