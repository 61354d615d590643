package io.headroom.planner.sim;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.timeline.ReplicaSample;

/**
 * The replica side of {@link FastEngine}: the shared {@link ScalingLoop} (replicas, policy, metrics,
 * the tick and its events, the replica sample) plus the fast engine's billing and its cap on events.
 * Mutable, one thread.
 */
final class FluidScaling {
    private static final int MAX_EVENTS = 200;

    private final ScalingLoop loop;
    private final ReplicaSet replicas;
    private final int concurrency;
    private final long endNanos;
    private final FluidRecorder recorder;
    private long replicaNanos;
    private long accountedUntilNanos;
    private int peakReady;

    /** The replicas of {@code scenario}, their startups drawn from {@code streams}; metrics counted in 1/{@code units} requests. */
    FluidScaling(Scenario scenario, RandomStreams streams, long units, FluidRecorder recorder) {
        this.loop = new ScalingLoop(scenario, streams, units);
        this.replicas = loop.replicas();
        this.concurrency = scenario.service().concurrency();
        this.endNanos = scenario.traffic().duration().toNanos();
        this.recorder = recorder;
        this.peakReady = replicas.ready();
    }

    /** How often the policy ticks, in nanoseconds. */
    static long tickNanos(Scenario scenario) {
        return scenario.autoscaler().newPolicy().evaluationInterval().toNanos();
    }

    MetricBuckets metrics() {
        return loop.metrics();
    }

    /** Concurrency slots of the ready replicas. */
    int slots() {
        return (int) Math.min(Integer.MAX_VALUE, (long) replicas.ready() * concurrency);
    }

    /** Replicas whose startup ended by {@code t} become ready. */
    void promoteDue(long t) {
        if (replicas.nextReadyAtNanos() <= t) {
            replicas.promoteDue(t);
            loop.metrics().readyChanged(t);
            peakReady = Math.max(peakReady, replicas.ready());
        }
    }

    /** The policy's evaluation at {@code t} ({@link ScalingLoop#tick}); busy and queued as the snapshot shows them. */
    void tick(long t, long busy, long queued) {
        account(t);
        loop.tick(t, busy, queued, readyAt -> { }, this::event);
    }

    /** The replica side now, as a timeline row shows it. */
    ReplicaSample sample(long busy, long queued) {
        return loop.sample(busy, queued);
    }

    /** Bills the placed replicas up to {@code nowNanos} (never past the end of the traffic). */
    void account(long nowNanos) {
        long until = Math.min(nowNanos, endNanos);
        if (until > accountedUntilNanos) {
            replicaNanos += (long) replicas.placed() * (until - accountedUntilNanos);
            accountedUntilNanos = until;
        }
    }

    long replicaNanos() {
        return replicaNanos;
    }

    int peakReady() {
        return peakReady;
    }

    private void event(long t, String reason, String message) {
        if (recorder.eventCount() < MAX_EVENTS) {
            recorder.event(t, reason, message);
        }
    }
}
