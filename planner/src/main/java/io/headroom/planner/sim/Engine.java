package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.AutoscalerPolicy;
import io.headroom.planner.autoscaler.ScalingDecision;
import io.headroom.planner.autoscaler.Snapshot;
import io.headroom.planner.dist.DurationSampler;
import io.headroom.planner.cluster.FitError;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.traffic.ArrivalStream;
import java.util.SplittableRandom;

/**
 * The discrete-event engine: one run of one scenario. All mutable simulation state lives here.
 *
 * <p>Event sources, each a single next time: request completions (a primitive heap), replicas
 * becoming ready (a heap), the next arrival, the next autoscaler evaluation, the next second
 * boundary. Events at the same time run in that fixed order — completions, readiness, arrival,
 * autoscaler, second boundary — so the order is total and a run is deterministic.
 *
 * <p>Model choices: identical replicas, so slots are counted in aggregate (busy vs ready ×
 * concurrency) and placement on nodes is a capacity count; the router queue is FIFO across all
 * replicas; a queued request that would wait longer than the limit leaves at the limit with 503;
 * a request's service time and error draw are taken at arrival (so changing the autoscaler does
 * not change what each request costs: common random numbers); a timed-out request (504) keeps its
 * slot until its service ends; a failing request (502) holds its slot for its service time; a
 * removed ready replica finishes the requests it holds (its slots vanish at once); scale-down
 * removes pending, then crash-looping, then the latest-starting, then ready replicas.
 */
final class Engine {
    private static final long SECOND = 1_000_000_000L;
    private static final int MAX_EVENTS = 200;

    private final Service service;
    private final long waitLimitNanos;
    private final long timeoutNanos;
    private final int concurrency;
    private final long endNanos;
    private final DurationSampler serviceTime;
    private final double errorRate;
    private final long clusterCapacity;
    private final long schedulingTimeoutNanos;
    private final String schedulerMessage;

    private final SplittableRandom serviceRandom;
    private final SplittableRandom errorRandom;
    private final ArrivalStream arrivals;
    private final AutoscalerPolicy policy;
    private final long tickNanos;
    private final Progress progress;

    private final LongMinHeap completions = new LongMinHeap();
    private final RequestQueue queue = new RequestQueue();
    private final RunRecorder recorder;
    private final ReplicaSet replicas;

    private long nowNanos;
    private boolean limitedByMax;
    private boolean pendingReported;
    private long replicaNanos;
    private long accountedUntilNanos;
    private int peakReady;

    Engine(Scenario scenario, RandomStreams streams, Progress progress) {
        this.progress = progress;
        this.service = scenario.service();
        this.waitLimitNanos = service.maxQueueWait().toNanos();
        this.timeoutNanos = service.timeout().toNanos();
        this.concurrency = service.concurrency();
        this.endNanos = scenario.traffic().duration().toNanos();
        this.serviceTime = service.serviceTime().sampler();
        this.errorRate = service.errorRate();
        this.clusterCapacity = scenario.cluster().map(c -> c.replicaCapacity(service.resources())).orElse(Long.MAX_VALUE);
        this.schedulerMessage = scenario.cluster().map(c -> FitError.message(service.resources(), c.nodePools())).orElse("");
        this.schedulingTimeoutNanos = scenario.cluster().map(c -> c.schedulingTimeout().toNanos()).orElse(Long.MAX_VALUE);
        this.serviceRandom = streams.serviceTimes();
        this.errorRandom = streams.errors();
        this.arrivals = Simulator.arrivals(scenario, streams);
        this.policy = scenario.autoscaler().newPolicy();
        this.tickNanos = policy.evaluationInterval().toNanos();
        long highestMicros = Math.max(2, (timeoutNanos + waitLimitNanos) / 1000 + 1);
        this.recorder = new RunRecorder(scenario.traffic().seconds(), waitLimitNanos, highestMicros);
        this.replicas = new ReplicaSet(scenario.autoscaler().minReplicas(), clusterCapacity, service.startup().sampler(),
                service.startupFailureRate(), streams.startups());
        this.peakReady = replicas.ready();
    }

    /** Runs to the end of the traffic and until every request sent has an outcome. */
    RunRecorder run() {
        long nextArrival = arrivals.nextNanos();
        long nextTick = tickNanos;
        long nextSecond = SECOND;
        while (!recorder.isComplete()) {
            long completion = completions.peek();
            long readyAt = replicas.nextReadyAtNanos();
            long t = Math.min(Math.min(completion, readyAt), Math.min(nextArrival, Math.min(nextTick, nextSecond)));
            nowNanos = t;
            if (completion == t) {
                completions.poll();
                drainQueue();
            } else if (readyAt == t) {
                replicaReady();
            } else if (nextArrival == t) {
                arrive();
                nextArrival = arrivals.nextNanos();
            } else if (nextTick == t) {
                evaluateAutoscaler();
                nextTick += tickNanos;
            } else {
                endOfSecond();
                nextSecond += SECOND;
            }
        }
        accountReplicas();
        recorder.finish(replicaNanos, peakReady);
        return recorder;
    }

    private long slots() {
        return (long) replicas.ready() * concurrency;
    }

    private void arrive() {
        long serviceNanos = serviceTime.sampleNanos(serviceRandom);
        boolean fails = errorRate > 0 && errorRandom.nextDouble() < errorRate;
        recorder.arrival(nowNanos);
        if (completions.size() < slots()) {
            start(nowNanos, serviceNanos, fails);
        } else if (waitLimitNanos == 0) {
            recorder.rejected(nowNanos);
        } else {
            queue.add(nowNanos, fails ? -serviceNanos - 1 : serviceNanos);
        }
    }

    private void start(long arrivalNanos, long serviceNanos, boolean fails) {
        completions.add(nowNanos + serviceNanos);
        long waitNanos = nowNanos - arrivalNanos;
        if (waitNanos > 0) {
            recorder.waited(waitNanos);
        }
        if (serviceNanos > timeoutNanos) {
            recorder.timedOut(arrivalNanos, waitNanos + timeoutNanos);
        } else if (fails) {
            recorder.failed(arrivalNanos, waitNanos + serviceNanos);
        } else {
            recorder.ok(arrivalNanos, waitNanos + serviceNanos);
        }
    }

    /** Starts queued requests while slots are free; ones that waited past the limit get 503. */
    private void drainQueue() {
        while (!queue.isEmpty() && completions.size() < slots()) {
            long arrival = queue.peekArrival();
            long encoded = queue.peekService();
            queue.remove();
            if (arrival + waitLimitNanos < nowNanos) {
                recorder.waited(waitLimitNanos);
                recorder.rejected(arrival);
            } else {
                boolean fails = encoded < 0;
                start(arrival, fails ? -encoded - 1 : encoded, fails);
            }
        }
    }

    /** Requests at the head of the queue that have waited past the limit leave with 503. */
    private void expireQueue() {
        while (!queue.isEmpty() && queue.peekArrival() + waitLimitNanos < nowNanos) {
            recorder.waited(waitLimitNanos);
            recorder.rejected(queue.peekArrival());
            queue.remove();
        }
    }

    private void replicaReady() {
        accountReplicas();
        replicas.promoteDue(nowNanos);
        peakReady = Math.max(peakReady, replicas.ready());
        drainQueue();
    }

    private void evaluateAutoscaler() {
        expireQueue();
        accountReplicas();
        Snapshot snapshot = new Snapshot(nowNanos, replicas.ready(), replicas.notReady(), replicas.desired(), completions.size(),
                queue.size(), concurrency);
        ScalingDecision decision = policy.decide(snapshot);
        limitedByMax = decision.limitedByMax();
        int crashLoopingBefore = replicas.crashLooping();
        replicas.scaleTo(decision.desiredReplicas(), nowNanos, readyAt -> { });
        for (int i = crashLoopingBefore; i < replicas.crashLooping() && recorder.eventCount() < MAX_EVENTS; i++) {
            recorder.event(nowNanos, "CrashLoopBackOff", "a new replica's init() failed; it restarts with back-off and never becomes ready");
        }
        if (replicas.pending() == 0) {
            pendingReported = false;
        } else if (!pendingReported && nowNanos - replicas.pendingSinceNanos() >= schedulingTimeoutNanos) {
            pendingReported = true;
            recorder.event(nowNanos, "FailedScheduling", replicas.pending() + " replica(s) Pending since "
                    + RunRecorder.clock(replicas.pendingSinceNanos()) + ": Couldn't Schedule because the kubernetes cluster didn't have"
                    + " available resources (its nodes hold " + clusterCapacity + " replicas): " + schedulerMessage);
        }
    }

    private void endOfSecond() {
        expireQueue();
        int second = (int) (nowNanos / SECOND) - 1;
        if (second % 60 == 59) {
            progress.update(Math.min(1, nowNanos / (double) endNanos));
        }
        recorder.endOfSecond(second, nowNanos, new ReplicaSample(replicas.ready(), replicas.startingOnly() + replicas.crashLooping(),
                replicas.desired(), completions.size(), queue.size(), replicas.pending(), replicas.crashLooping(), limitedByMax));
    }

    private void accountReplicas() {
        long until = Math.min(nowNanos, endNanos);
        if (until > accountedUntilNanos) {
            replicaNanos += (long) replicas.placed() * (until - accountedUntilNanos);
            accountedUntilNanos = until;
        }
    }
}
