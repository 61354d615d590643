package io.headroom.planner.sim;

import io.headroom.planner.scenario.Service;
import java.util.SplittableRandom;

/**
 * What {@link FastEngine}'s policy sees each step, in the metric buckets' units: where the requests meet one pooled
 * queue (the central queue, or Knative's activator and the ready slots behind it) one sample path of its counts
 * ({@link SampledQueue}), requests waiting up to {@code waitLimitNanos}; behind any other per-replica balancer the
 * fluid mean plus a fluctuation ({@link PolicyNoise}). Under {@code service.slowdown} the sample path's starts run
 * the factor of its own busy count, seen as the fluid's starts see it ({@link #stretch}). Both draw from the run's
 * arrivals stream, which the fluid does not otherwise use. Mutable, one thread; owned by the engine.
 */
final class PolicyView {
    private final SampledQueue sampled;
    private final PolicyNoise noise;
    private final long units;
    private final int concurrency;
    /** Ordered entry of the sample path's starts behind the activator under a slowdown; else null. */
    private final ActivatorPacking packing;

    PolicyView(Service s, ServiceTimeTable service, boolean pooled, long stepNanos, long waitLimitNanos, double maxStretch,
            SplittableRandom arrivals, long units) {
        this.units = units;
        this.concurrency = s.concurrency();
        double meanServiceSeconds = s.serviceTime().mean().toNanos() / 1e9;
        this.sampled = pooled ? new SampledQueue(service, stepNanos, waitLimitNanos, arrivals, maxStretch) : null;
        this.noise = pooled ? null : new PolicyNoise(arrivals, stepNanos / 1e9, meanServiceSeconds);
        this.packing = pooled && s.slowdown() > 0 ? new ActivatorPacking(s.concurrency()) : null;
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

    /**
     * {@code service.slowdown}: the sample path's next starts run {@code slowdown}'s factor of its own busy count on
     * {@code ready} replicas of {@code slots} slots, so its fluctuations slow its requests and feed themselves, as a
     * discrete-event run's do: behind the central queue at (busy + 1) / ready; behind the activator packed
     * ({@code packed}: ordered entry) or, out of the path, a random replica's busy / ready + 1. No-op without a sample path.
     */
    void stretch(Service slowdown, int ready, long slots, boolean activator, boolean packed) {
        if (sampled == null) {
            return;
        }
        double busy = sampled.busy();
        double seen = ready == 0 ? 0 : !activator ? Math.min(busy + 1, slots) / ready
                : packed ? packing.meanSeen(busy, ready) : Math.min(concurrency, busy / ready + 1);
        sampled.stretch(ready > 0 ? slowdown.slowdownFactor(seen) : 1);
    }
}
