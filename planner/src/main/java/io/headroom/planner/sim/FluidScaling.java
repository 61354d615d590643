package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.AutoscalerPolicy;
import io.headroom.planner.autoscaler.ScalingDecision;
import io.headroom.planner.autoscaler.ScalingLimit;
import io.headroom.planner.autoscaler.Snapshot;
import io.headroom.planner.cluster.FitError;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.time.Clock;
import io.headroom.planner.timeline.ReplicaSample;

/**
 * The replica side of {@link FastEngine}: the scenario's {@link ReplicaSet}, its policy and the
 * {@link MetricBuckets} the policy reads, with the tick of {@link RouterModel#tick} (snapshot,
 * decision, scale, CrashLoopBackOff and FailedScheduling events), the replica sample and the
 * replica-hours. {@code RouterModel} keeps its own copy of the tick because it may not be changed
 * here; moving its tick onto this class would leave one. Mutable, one thread.
 */
final class FluidScaling {
    private static final long SECOND = 1_000_000_000L;
    private static final int MAX_EVENTS = 200;

    private final AutoscalerPolicy policy;
    private final ReplicaSet replicas;
    private final MetricBuckets metrics;
    private final int concurrency;
    private final long endNanos;
    private final long clusterCapacity;
    private final long schedulingTimeoutNanos;
    private final String schedulerMessage;
    private final FluidRecorder recorder;
    private ScalingDecision lastDecision;
    private boolean pendingReported;
    private long replicaNanos;
    private long accountedUntilNanos;
    private int peakReady;

    /** The replicas of {@code scenario}, their startups drawn from {@code streams}; metrics counted in 1/{@code units} requests. */
    FluidScaling(Scenario scenario, RandomStreams streams, long units, FluidRecorder recorder) {
        Service s = scenario.service();
        this.policy = scenario.autoscaler().newPolicy();
        this.concurrency = s.concurrency();
        this.endNanos = scenario.traffic().duration().toNanos();
        this.recorder = recorder;
        this.clusterCapacity = scenario.cluster().map(c -> c.replicaCapacity(s.resources())).orElse(Long.MAX_VALUE);
        this.schedulerMessage = scenario.cluster().map(c -> FitError.message(s.resources(), c.nodePools())).orElse("");
        this.schedulingTimeoutNanos = scenario.cluster().map(c -> c.schedulingTimeout().toNanos()).orElse(Long.MAX_VALUE);
        int initial = scenario.autoscaler().initialReplicas();
        this.replicas = new ReplicaSet(initial, clusterCapacity, s.startup().sampler(), s.startupFailureRate(), streams.startups());
        this.metrics = new MetricBuckets(policy.metricHistory(), replicas, s, units);
        this.lastDecision = new ScalingDecision(initial, initial, ScalingLimit.NONE);
        this.peakReady = replicas.ready();
    }

    /** How often the policy ticks, in nanoseconds. */
    static long tickNanos(Scenario scenario) {
        return scenario.autoscaler().newPolicy().evaluationInterval().toNanos();
    }

    MetricBuckets metrics() {
        return metrics;
    }

    /** Concurrency slots of the ready replicas. */
    int slots() {
        return (int) Math.min(Integer.MAX_VALUE, (long) replicas.ready() * concurrency);
    }

    /** Replicas whose startup ended by {@code t} become ready. */
    void promoteDue(long t) {
        if (replicas.nextReadyAtNanos() <= t) {
            replicas.promoteDue(t);
            metrics.readyChanged(t);
            peakReady = Math.max(peakReady, replicas.ready());
        }
    }

    /** The policy's evaluation at {@code t}, as {@link RouterModel#tick} does it; busy and queued as the snapshot shows them. */
    void tick(long t, long busy, long queued) {
        account(t);
        metrics.readAt(t);
        Snapshot snapshot = new Snapshot(t, replicas.ready(), replicas.startingOnly(), replicas.crashLooping(), replicas.pending(),
                replicas.desired(), busy, queued, concurrency, metrics);
        lastDecision = policy.decide(snapshot);
        int crashLoopingBefore = replicas.crashLooping();
        replicas.scaleTo(lastDecision.desiredReplicas(), t, readyAt -> { });
        metrics.readyChanged(t);
        for (int i = crashLoopingBefore; i < replicas.crashLooping(); i++) {
            event(t, "CrashLoopBackOff", "a new replica's init() failed; it restarts with back-off and never becomes ready");
        }
        if (replicas.pending() == 0) {
            pendingReported = false;
        } else if (!pendingReported && t - replicas.pendingSinceNanos() >= schedulingTimeoutNanos) {
            pendingReported = true;
            event(t, "FailedScheduling", replicas.pending() + " replica(s) Pending since "
                    + Clock.of(replicas.pendingSinceNanos() / SECOND) + ": Couldn't Schedule because the kubernetes cluster didn't have"
                    + " available resources (its nodes hold " + clusterCapacity + " replicas): " + schedulerMessage);
        }
    }

    /** The replica side now, as a timeline row shows it. */
    ReplicaSample sample(long busy, long queued) {
        return new ReplicaSample(replicas.ready(), replicas.startingOnly() + replicas.crashLooping(), replicas.desired(), busy, queued,
                replicas.pending(), replicas.crashLooping(), lastDecision.limitedByMax());
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
