package io.headroom.loadgen.emulator;

import io.headroom.planner.autoscaler.AutoscalerPolicy;
import io.headroom.planner.autoscaler.ScalingDecision;
import io.headroom.planner.autoscaler.Snapshot;
import io.headroom.planner.sim.RandomStreams;
import io.headroom.planner.sim.ReplicaSet;
import io.headroom.planner.dist.DurationSampler;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The emulated endpoint's model: the router in front of the replicas, with the simulator's rules on
 * the wall clock. Every method runs on {@code loop}, one thread, so the state needs no locks;
 * requests are held by scheduled tasks, never by a parked thread.
 *
 * <p>Arrival: the request's service time and error are drawn at once (as the simulator draws them at
 * arrival, from streams split off the scenario seed in the simulator's order); if a slot is free
 * (busy &lt; ready × concurrency) it starts, else with no queue wait it gets 503, else it joins the
 * FIFO queue (503 beyond {@link #MAX_QUEUED}). A queued request still waiting at arrival + maxQueueWait
 * gets 503 then (one timer, armed for the queue head). A started request is answered 200 after its
 * service time, 502 if its error draw failed, or 504 at the timeout when its service time exceeds it;
 * its slot stays busy until its service time ends. Every {@code evaluationInterval} the autoscaler
 * policy sees a {@link Snapshot} and {@link ReplicaSet} applies its decision.
 */
final class Router {
    /** Hard cap on queued requests: beyond it, 503 at once, so memory stays bounded under any overload. */
    static final int MAX_QUEUED = 100_000;

    static final String OK_BODY = "{\"status\":\"ok\"}";
    static final String NO_SLOT_BODY = "{\"error\":\"no replica slot free within the queue wait limit\",\"status\":503}";
    static final String TIMEOUT_BODY = "{\"error\":\"scoring timeout\",\"status\":504}";
    static final String FAILED_BODY = "{\"error\":\"the scoring function failed\",\"status\":502}";

    private final EventExecutor loop;
    private final long startNanos;
    private final int concurrency;
    private final long waitLimitNanos;
    private final long timeoutNanos;
    private final double errorRate;
    private final DurationSampler serviceTime;
    private final SplittableRandom serviceRandom;
    private final SplittableRandom errorRandom;
    private final AutoscalerPolicy policy;
    private final ReplicaSet replicas;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();

    private ScheduledFuture<?> expiryTimer;
    private ScheduledFuture<?> autoscalerTimer;
    private long busy;
    private boolean limitedByMax;
    private long served;
    private long rejected503;
    private long timeout504;
    private long error502;

    private record Queued(Exchange exchange, long arrivalNanos, long serviceNanos, boolean fails) {
    }

    Router(Scenario scenario, EventExecutor loop) {
        this.loop = loop;
        this.startNanos = System.nanoTime();
        Service service = scenario.service();
        this.concurrency = service.concurrency();
        this.waitLimitNanos = service.maxQueueWait().toNanos();
        this.timeoutNanos = service.timeout().toNanos();
        this.errorRate = service.errorRate();
        this.serviceTime = service.serviceTime().sampler();
        RandomStreams streams = RandomStreams.of(scenario.seed());
        this.serviceRandom = streams.serviceTimes();
        this.errorRandom = streams.errors();
        long capacity = scenario.cluster().map(c -> c.replicaCapacity(service.resources())).orElse(Long.MAX_VALUE);
        this.replicas = new ReplicaSet(scenario.autoscaler().minReplicas(), capacity, service.startup().sampler(),
                service.startupFailureRate(), streams.startups());
        this.policy = scenario.autoscaler().newPolicy();
    }

    /** Starts the autoscaler's clock. Call once, from any thread. */
    void start() {
        long intervalNanos = policy.evaluationInterval().toNanos();
        loop.execute(() -> autoscalerTimer = loop.scheduleAtFixedRate(this::evaluateAutoscaler, intervalNanos,
                intervalNanos, TimeUnit.NANOSECONDS));
    }

    /** A scoring request arrives (on any thread). */
    void score(Exchange exchange) {
        loop.execute(() -> arrive(exchange));
    }

    /** Answers with the metrics JSON, read on the router thread (called from any thread). */
    void metrics(Exchange exchange) {
        loop.execute(() -> exchange.answer(200, metricsNow().toJson()));
    }

    /** Counts a 503 given outside the model (the connection cap), so /metrics still adds up. */
    void countRejectedElsewhere() {
        loop.execute(() -> rejected503++);
    }

    /** The metrics, on the router thread. */
    EndpointMetrics metricsNow() {
        return new EndpointMetrics(TimeUnit.NANOSECONDS.toMillis(nowNanos()), replicas.ready(),
                replicas.startingOnly() + replicas.crashLooping(), replicas.desired(), busy, queue.size(),
                replicas.pending(), replicas.crashLooping(), limitedByMax, served, rejected503, timeout504, error502);
    }

    /** Stops the timers; requests still held are not answered (their connections are closing). */
    void stop() {
        if (autoscalerTimer != null) {
            autoscalerTimer.cancel(false);
        }
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
        }
    }

    private long nowNanos() {
        return System.nanoTime() - startNanos;
    }

    private long slots() {
        return (long) replicas.ready() * concurrency;
    }

    private void arrive(Exchange exchange) {
        long now = nowNanos();
        long serviceNanos = serviceTime.sampleNanos(serviceRandom);
        boolean fails = errorRate > 0 && errorRandom.nextDouble() < errorRate;
        Queued request = new Queued(exchange, now, serviceNanos, fails);
        if (busy < slots()) {
            start(request);
        } else if (waitLimitNanos == 0 || queue.size() >= MAX_QUEUED) {
            reject(request);
        } else {
            queue.add(request);
            armExpiry(now);
        }
    }

    private void start(Queued request) {
        busy++;
        Exchange exchange = request.exchange();
        if (request.serviceNanos() > timeoutNanos) {
            loop.schedule(() -> {
                timeout504++;
                exchange.answer(504, TIMEOUT_BODY);
            }, timeoutNanos, TimeUnit.NANOSECONDS);
            loop.schedule(this::slotFreed, request.serviceNanos(), TimeUnit.NANOSECONDS);
        } else {
            loop.schedule(() -> {
                if (request.fails()) {
                    error502++;
                    exchange.answer(502, FAILED_BODY);
                } else {
                    served++;
                    exchange.answer(200, OK_BODY);
                }
                slotFreed();
            }, request.serviceNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void reject(Queued request) {
        rejected503++;
        request.exchange().answer(503, NO_SLOT_BODY);
    }

    private void slotFreed() {
        busy--;
        drainQueue();
    }

    /** Starts queued requests while slots are free; one whose wait limit has passed gets 503 instead. */
    private void drainQueue() {
        long now = nowNanos();
        while (!queue.isEmpty() && busy < slots()) {
            Queued head = queue.poll();
            if (head.arrivalNanos() + waitLimitNanos < now) {
                reject(head);
            } else {
                start(head);
            }
        }
    }

    /** Requests at the head of the queue whose wait limit has come leave with 503. */
    private void expireQueue(long now) {
        while (!queue.isEmpty() && queue.peek().arrivalNanos() + waitLimitNanos <= now) {
            reject(queue.poll());
        }
    }

    /** One timer at a time, for the head's deadline; FIFO with one wait limit means later deadlines are later. */
    private void armExpiry(long now) {
        if (expiryTimer == null && !queue.isEmpty()) {
            long delayNanos = Math.max(0, queue.peek().arrivalNanos() + waitLimitNanos - now);
            expiryTimer = loop.schedule(this::expiryDue, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void expiryDue() {
        expiryTimer = null;
        long now = nowNanos();
        expireQueue(now);
        armExpiry(now);
    }

    private void evaluateAutoscaler() {
        long now = nowNanos();
        expireQueue(now);
        Snapshot snapshot = new Snapshot(now, replicas.ready(), replicas.notReady(), replicas.desired(), busy,
                queue.size(), concurrency);
        ScalingDecision decision = policy.decide(snapshot);
        limitedByMax = decision.limitedByMax();
        replicas.scaleTo(decision.desiredReplicas(), now,
                readyAt -> loop.schedule(this::replicasDue, Math.max(0, readyAt - now), TimeUnit.NANOSECONDS));
        drainQueue();
    }

    private void replicasDue() {
        if (replicas.promoteDue(nowNanos()) > 0) {
            drainQueue();
        }
    }
}
