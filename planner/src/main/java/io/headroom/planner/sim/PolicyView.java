package io.headroom.planner.sim;

import java.util.SplittableRandom;

/**
 * What {@link FastEngine}'s policy sees each step, in the metric buckets' units: where the requests meet one pooled
 * queue (the central queue, or Knative's activator and the ready slots behind it) one sample path of its counts
 * ({@link SampledQueue}), requests waiting up to {@code waitLimitNanos}; behind any other per-replica balancer the
 * fluid mean plus a fluctuation ({@link PolicyNoise}). Under {@code service.slowdown} the engine stretches the sample
 * path's starts by the factor of its own busy count ({@link #stretch}). Both draw from the run's
 * arrivals stream, which the fluid does not otherwise use. Mutable, one thread; owned by the engine.
 */
final class PolicyView {
    private final SampledQueue sampled;
    private final PolicyNoise noise;
    private final long units;

    PolicyView(ServiceTimeTable service, double meanServiceSeconds, boolean pooled, long stepNanos, long waitLimitNanos,
            double maxStretch, SplittableRandom arrivals, long units) {
        this.units = units;
        this.sampled = pooled ? new SampledQueue(service, stepNanos, waitLimitNanos, arrivals, maxStretch) : null;
        this.noise = pooled ? null : new PolicyNoise(arrivals, stepNanos / 1e9, meanServiceSeconds);
    }

    /**
     * The step's view into {@code metrics}: {@code arrivals} expected and {@code completions} freed at {@code t} on
     * {@code slots} ready slots, where the fluid holds {@code busy} busy and {@code queued} waiting.
     */
    void observe(MetricBuckets metrics, long t, double arrivals, double completions, long slots, double busy, double queued) {
        long arrived = Math.round(arrivals * units);
        long completed = Math.round(completions * units);
        if (sampled != null) {
            sampled.step(arrivals, slots);
            metrics.fluid(t, arrived, completed, Math.round(sampled.inFlight() * units), Math.round(sampled.busy() * units));
            return;
        }
        double inFlight = busy + queued;
        double fluctuation = noise.next(inFlight);
        // a balancer's replicas may idle while others' queues hold requests: the busy slots are the fluid busy count's
        metrics.fluid(t, arrived, completed, Math.round(Math.max(0, inFlight + fluctuation) * units),
                Math.round(Math.min(slots, Math.max(0, busy + fluctuation)) * units));
    }

    /** Whether the policy sees a sample path (a pooled queue), whose starts {@link #stretch} stretches. */
    boolean samples() {
        return sampled != null;
    }

    /** Busy slots of the sample path over the last step. */
    double sampledBusy() {
        return sampled.busy();
    }

    /** {@code service.slowdown}: the sample path's next starts run {@code factor} times their length. */
    void stretch(double factor) {
        sampled.stretch(factor);
    }
}
