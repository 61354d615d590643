package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.AutoscalerPolicy;
import io.headroom.planner.autoscaler.ScalingDecision;
import io.headroom.planner.autoscaler.ScalingLimit;
import io.headroom.planner.autoscaler.Schedule;
import io.headroom.planner.autoscaler.Snapshot;
import io.headroom.planner.cluster.FitError;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.time.Clock;
import io.headroom.planner.timeline.ReplicaSample;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The replica side of every driver: the scenario's {@link ReplicaSet}, its autoscaler policy, the
 * {@link MetricBuckets} the policy reads, and the autoscaler's tick — snapshot, decision, scale,
 * CrashLoopBackOff and FailedScheduling events — with the replica sample, the replica-hours billed
 * (replicas holding a node, up to the end of the traffic) and the most replicas ready at once. One implementation, used by
 * {@link RouterModel} (the simulator and {@code headroom target}) and by the fast engine. Mutable,
 * one thread.
 */
final class ScalingLoop {
    private static final long SECOND = 1_000_000_000L;

    /** Where the tick's Kubernetes-style events go. */
    interface Events {
        void event(long atNanos, String reason, String message);
    }

    private final AutoscalerPolicy policy;
    private final ReplicaSet replicas;
    private final MetricBuckets metrics;
    private final int concurrency;
    private final NodeFleet nodes;
    private final long schedulingTimeoutNanos;
    private final Clock clock;
    private final Schedule schedule;
    private final io.headroom.planner.cluster.Resources request;
    private final long endNanos;
    private ScalingDecision lastDecision;
    private boolean pendingReported;
    private long replicaNanos;
    private long billedUntilNanos;
    private int peakReady;

    /** The replicas of {@code scenario}, their startups drawn from {@code streams}; metrics counted in 1/{@code units} requests. */
    ScalingLoop(Scenario scenario, RandomStreams streams, long units) {
        Service s = scenario.service();
        this.policy = scenario.autoscaler().newPolicy();
        this.concurrency = s.concurrency();
        long clusterCapacity = scenario.cluster().map(c -> c.replicaCapacity(s.resources())).orElse(Long.MAX_VALUE);
        this.request = s.resources();
        this.nodes = scenario.cluster().map(c -> new NodeFleet(c, s.resources(), streams.nodes(), scenario.traffic().duration().toNanos()))
                .orElse(null);
        this.clock = scenario.traffic().clock();
        this.schedule = scenario.schedule();
        this.schedulingTimeoutNanos = scenario.cluster().map(c -> c.schedulingTimeout().toNanos()).orElse(Long.MAX_VALUE);
        int initial = scenario.autoscaler().initialReplicas();
        this.replicas = new ReplicaSet(initial, clusterCapacity, s.startup().sampler(), s.startupFailureRate(), streams.startups());
        this.metrics = new MetricBuckets(policy.metricHistory(), replicas, s, units);
        this.lastDecision = new ScalingDecision(initial, initial, ScalingLimit.NONE);
        this.endNanos = scenario.traffic().duration().toNanos();
        this.peakReady = replicas.ready();
        if (nodes != null) {
            nodes.observe(0, replicas.placed());
        }
    }

    /** The cluster's nodes, or null without a cluster. */
    NodeFleet nodes() {
        return nodes;
    }

    /** The next replica readiness or node event (scan, arrival, failure), or {@link Long#MAX_VALUE}. */
    long nextEventNanos() {
        long next = replicas.nextReadyAtNanos();
        return nodes == null ? next : Math.min(next, nodes.nextEventNanos());
    }

    ReplicaSet replicas() {
        return replicas;
    }

    MetricBuckets metrics() {
        return metrics;
    }

    /** How often {@link #tick} must run, nanoseconds; the first tick is at this time. */
    long tickIntervalNanos() {
        return policy.evaluationInterval().toNanos();
    }

    ScalingDecision lastDecision() {
        return lastDecision;
    }

    /** Concurrency slots of the ready replicas. */
    long readySlots() {
        return (long) replicas.ready() * concurrency;
    }

    /**
     * Node events due by {@code nowNanos} run (Pending replicas take arriving nodes; {@code onStarting}
     * hears each), then starting replicas whose startup has ended become ready; how many did.
     */
    int promoteDue(long nowNanos, LongConsumer onStarting, Events events) {
        if (nodes != null && nodes.nextEventNanos() <= nowNanos) {
            bill(nowNanos);
            nodes.advance(nowNanos, replicas, onStarting, events);
        }
        int due = replicas.promoteDue(nowNanos);
        if (due > 0) {
            metrics.readyChanged(nowNanos);
            peakReady = Math.max(peakReady, replicas.ready());
        }
        return due;
    }

    /** Bills the placed replicas up to {@code nowNanos} (never past the end of the traffic); call before they change. */
    void bill(long nowNanos) {
        long until = Math.min(nowNanos, endNanos);
        if (until > billedUntilNanos) {
            replicaNanos += (long) replicas.placed() * (until - billedUntilNanos);
            billedUntilNanos = until;
        }
        if (nodes != null) {
            nodes.bill(nowNanos);
        }
    }

    /** Replica-nanoseconds billed so far. */
    long replicaNanos() {
        return replicaNanos;
    }

    int peakReady() {
        return peakReady;
    }

    /** The node pools' report ({@link NodeFleet#report}); empty without a cluster. */
    List<io.headroom.planner.timeline.PoolNodes> nodePools() {
        return nodes == null ? List.of() : nodes.report();
    }

    /**
     * The autoscaler's evaluation at {@code nowNanos} with {@code busy} and {@code queued} as the
     * snapshot shows them; {@code onStarting} hears the ready-at time of each replica placed.
     */
    void tick(long nowNanos, long busy, long queued, LongConsumer onStarting, Events events) {
        bill(nowNanos);
        metrics.readAt(nowNanos);
        Snapshot snapshot = new Snapshot(nowNanos, replicas.ready(), replicas.startingOnly(), replicas.crashLooping(),
                replicas.pending(), replicas.desired(), busy, queued, concurrency, metrics);
        lastDecision = withFloor(policy.decide(snapshot), schedule.floorAt(nowNanos));
        int crashLoopingBefore = replicas.crashLooping();
        replicas.scaleTo(lastDecision.desiredReplicas(), nowNanos, onStarting);
        metrics.readyChanged(nowNanos);
        if (nodes != null) {
            nodes.observe(nowNanos, replicas.placed());
        }
        for (int i = crashLoopingBefore; i < replicas.crashLooping(); i++) {
            events.event(nowNanos, "CrashLoopBackOff", "a new replica's init() failed; it restarts with back-off and never becomes ready");
        }
        if (replicas.pending() == 0) {
            pendingReported = false;
        } else if (!pendingReported && nowNanos - replicas.pendingSinceNanos() >= schedulingTimeoutNanos) {
            pendingReported = true;
            events.event(nowNanos, "FailedScheduling", replicas.pending() + " replica(s) Pending since "
                    + clock.at(replicas.pendingSinceNanos() / SECOND) + ": Couldn't Schedule because the kubernetes cluster didn't have"
                    + " available resources (its nodes hold " + nodes.capacity() + " replicas): "
                    + FitError.message(request, nodes.poolsNow()));
        }
    }

    /** {@code decision} raised to a scheduled floor (see {@link Schedule}); unchanged when the floor is lower. */
    private static ScalingDecision withFloor(ScalingDecision decision, int floor) {
        return floor <= decision.desiredReplicas() ? decision
                : new ScalingDecision(floor, Math.max(floor, decision.wantedReplicas()), decision.limit(), decision.activatorInPath());
    }

    /** The replica side now, as a timeline row and {@code /metrics} show it. */
    ReplicaSample sample(long busy, long queued) {
        return new ReplicaSample(replicas.ready(), replicas.startingOnly() + replicas.crashLooping(), replicas.desired(), busy, queued,
                replicas.pending(), replicas.crashLooping(), lastDecision.limitedByMax(), nodes != null && nodes.nodeComing(replicas));
    }
}
