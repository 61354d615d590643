package io.headroom.planner.sim;

import io.headroom.planner.dist.DurationSampler;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.ReplicaSample;
import java.util.SplittableRandom;

/**
 * The request rules of the router in front of the replicas, and the autoscaler's tick, with no clock
 * of their own: one implementation, driven by the simulator's event heap ({@link Engine}, simulated
 * time) and by the emulated endpoint ({@code headroom target}, Netty's scheduler on the wall clock).
 * The driver tells it what happens when, and is told what follows through a {@link Listener}:
 *
 * <ul>
 *   <li>{@link #arrive}: the request's service time and error draw are taken now, from the scenario's
 *       named streams (common random numbers). A free slot (busy &lt; ready × concurrency) starts it;
 *       else with {@code maxQueueWait 0s} or a full queue ({@link #MAX_QUEUED}) it gets 503 at once;
 *       else it joins the FIFO queue.</li>
 *   <li>A started request answers 200 after its service time, 502 if its error draw failed, or 504
 *       at the timeout when its service time exceeds it; its slot stays busy for its whole service
 *       time. The driver calls {@link #finish} when the slot frees.</li>
 *   <li>A queued request starts if a slot frees at or before {@code arrival + maxQueueWait}; it
 *       leaves with 503 once strictly later. {@link #nextExpiryNanos} is the first instant the head
 *       is expired, so a driver can expire eagerly; {@link #expire} also runs before every tick.</li>
 *   <li>{@link #tick}: every {@code evaluationInterval} of the policy, from time 0 + the interval:
 *       expire, show the policy a {@link Snapshot} (replica states and the {@link MetricBuckets}),
 *       apply its decision to the {@link ReplicaSet}, report CrashLoopBackOff and FailedScheduling.</li>
 *   <li>{@link #replicasDue}: starting replicas whose startup has ended become ready; the queue drains.</li>
 *   <li>With a balancer ({@code service.routing} round-robin, random, least-in-flight;
 *       {@link ReplicaRouting} over {@link ReplicaQueues}) the arrival goes to one ready replica at
 *       once and waits in that replica's FIFO queue (503 when it holds {@code replicaQueueLimit}); the
 *       timeout counts from arrival: a request still waiting at arrival + timeout is answered 504
 *       then, one that starts in time gets 504 at the timeout if its service would end later. The
 *       balancer draws from the scenario's {@code routing} stream.</li>
 *   <li>Knative ({@code policy: knative}, routing {@code knative}): the same per-replica queue-proxies
 *       (round-robin, {@code 10 × containerConcurrency} waiting) behind the {@link Activator}, which
 *       takes the arrivals while the policy's decision puts it in the path or no replica is ready, and
 *       holds them until a slot frees (504 at the revision timeout, 503 when its queue is full). An
 *       arrival while no replica is ready or asked for makes the autoscaler decide at once (upstream's
 *       activator stat and {@code Poke}), so a cold start begins with the first request.</li>
 * </ul>
 *
 * Events at one instant run in the driver's order; the simulator's is completions, readiness,
 * arrival, expiry, tick, second boundary. Mutable, one thread. The hot paths allocate nothing.
 */
public final class RouterModel {
    /** Queued requests at most; an arrival that finds the queue full gets 503 at once, so memory stays bounded. */
    public static final int MAX_QUEUED = 100_000;
    /** The answer a request gets: served. */
    public static final int OK = 200;
    /** The answer a request gets: its service time exceeded the scoring timeout. */
    public static final int TIMED_OUT = 504;
    /** The answer a request gets: its scoring function threw. */
    public static final int FAILED = 502;

    /** What follows from the model's rules, told to the driver. Called on the model's thread, during the driver's call. */
    public interface Listener {
        /**
         * A request starts on a slot now ({@code arrivalNanos + waitNanos}). It is answered {@code status}
         * {@code answerAfterNanos} from now (its service time, or the timeout for 504); its slot frees
         * {@code serviceNanos} from now, when the driver must call {@link #finish}.
         */
        void started(long handle, long arrivalNanos, long waitNanos, long serviceNanos, long answerAfterNanos, int status);

        /** A request is answered 503 now, after waiting {@code waitNanos} in the queue (0 when refused at once). */
        void rejected(long handle, long arrivalNanos, long waitNanos);

        /**
         * A request waiting at a replica (per-replica routing) reached the timeout: it is answered 504
         * now, after waiting {@code waitNanos}, and never starts.
         */
        default void timedOutWaiting(long handle, long arrivalNanos, long waitNanos) {
        }

        /** A replica was placed and will be ready at {@code readyAtNanos}, when the driver must call {@link #replicasDue}. */
        default void replicaStarting(long readyAtNanos) {
        }

        /** A Kubernetes-style event: {@code CrashLoopBackOff}, {@code FailedScheduling}. */
        default void event(long nowNanos, String reason, String message) {
        }
    }

    private final Listener listener;
    private final int concurrency;
    private final long waitLimitNanos;
    private final long timeoutNanos;
    private final double errorRate;
    private final DurationSampler serviceTime;
    /** The service's slowdown model, or null without one (the common case: no work per start). */
    private final Service slowdown;
    private final SplittableRandom serviceRandom;
    private final SplittableRandom errorRandom;
    private final ScalingLoop scaling;
    private final ReplicaSet replicas;
    private final RequestQueue queue = new RequestQueue(MAX_QUEUED);
    private final MetricBuckets metrics;
    /** The balancer's per-replica queues (with Knative's activator), or null for azureml-fe's central queue. */
    private final ReplicaRouting perReplica;

    /** Busy slots under the central queue ({@link ReplicaRouting} counts its own). */
    private long busy;

    /** The model of {@code scenario}'s router and replicas, with the random streams of {@code streams}. */
    public RouterModel(Scenario scenario, RandomStreams streams, Listener listener) {
        this.listener = listener;
        Service service = scenario.service();
        this.slowdown = service.slowdown() == 0 ? null : service;
        this.concurrency = service.concurrency();
        this.waitLimitNanos = service.maxQueueWait().toNanos();
        this.timeoutNanos = service.timeout().toNanos();
        this.errorRate = service.errorRate();
        this.serviceTime = service.serviceTime().sampler();
        this.serviceRandom = streams.serviceTimes();
        this.errorRandom = streams.errors();
        this.scaling = new ScalingLoop(scenario, streams, 1);
        this.replicas = scaling.replicas();
        this.metrics = scaling.metrics();
        this.perReplica = service.routing().perReplica()
                ? new ReplicaRouting(service, slowdown, streams.routing(), metrics, listener) : null;
        if (perReplica != null) {
            perReplica.resize(replicas.ready());
        }
    }

    /** The longest a request can wait before its outcome is known: the queue wait limit, or with a balancer the timeout. */
    public long longestWaitNanos() {
        return perReplica == null ? waitLimitNanos : timeoutNanos;
    }

    /** How often {@link #tick} must be called, in nanoseconds; the first tick is at this time. */
    public long tickIntervalNanos() {
        return scaling.tickIntervalNanos();
    }

    /** A request arrives now; {@code handle} is the driver's name for it, passed back in the listener's calls. */
    public void arrive(long nowNanos, long handle) {
        long serviceNanos = serviceTime.sampleNanos(serviceRandom);
        boolean fails = errorRate > 0 && errorRandom.nextDouble() < errorRate;
        if (perReplica != null) {
            perReplica.arrive(nowNanos, serviceNanos, fails, handle, replicas.ready());
        } else if (busy < slots()) {
            start(nowNanos, nowNanos, serviceNanos, fails, handle);
        } else if (waitLimitNanos == 0 || queue.isFull()) {
            listener.rejected(handle, nowNanos, 0);
        } else {
            queue.add(nowNanos, fails ? -serviceNanos - 1 : serviceNanos, handle);
        }
        metrics.arrival(nowNanos, busy() + queued(), busy());
        if (perReplica != null && perReplica.hasActivator() && replicas.ready() == 0 && replicas.desired() == 0) {
            scaling.tick(nowNanos, busy(), queued(), listener::replicaStarting, listener::event);
            perReplica.activatorInPath(scaling.lastDecision().activatorInPath());
        }
    }

    /** A started request's service has ended now: its slot frees and the queue drains into it. */
    public void finish(long nowNanos) {
        if (perReplica != null) {
            perReplica.finish(nowNanos);
        } else {
            busy--;
            if (!queue.isEmpty()) {
                drain(nowNanos);
            }
        }
        metrics.completion(nowNanos, busy() + queued(), busy());
    }

    /** Queued requests whose wait limit has passed leave with 503 (per-replica routing: whose timeout has passed, with 504). */
    public void expire(long nowNanos) {
        if (perReplica != null) {
            perReplica.expire(nowNanos);
            return;
        }
        if (queue.isEmpty() || queue.peekArrival() + waitLimitNanos >= nowNanos) {
            return;
        }
        while (!queue.isEmpty() && queue.peekArrival() + waitLimitNanos < nowNanos) {
            listener.rejected(queue.peekHandle(), queue.peekArrival(), waitLimitNanos);
            queue.remove();
        }
        metrics.counts(nowNanos, busy + queue.size(), busy);
    }

    /** The first instant at which a waiting request is expired, or {@link Long#MAX_VALUE} when none waits. */
    public long nextExpiryNanos() {
        if (perReplica != null) {
            return perReplica.nextExpiryNanos();
        }
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peekArrival() + waitLimitNanos + 1;
    }

    /** The earliest time a starting replica becomes ready or a node event is due (see {@link NodeFleet}), or {@link Long#MAX_VALUE}. */
    public long nextReadyAtNanos() {
        return scaling.nextEventNanos();
    }

    /** Starting replicas whose startup has ended by now become ready, and the queue drains into them. */
    public int replicasDue(long nowNanos) {
        int due = scaling.promoteDue(nowNanos, listener::replicaStarting, listener::event);
        if (due > 0) {
            if (perReplica != null) {
                perReplica.replicasReady(nowNanos, replicas.ready());
            } else {
                drain(nowNanos);
            }
            metrics.counts(nowNanos, busy() + queued(), busy());
        }
        return due;
    }

    /** The autoscaler's evaluation: the policy decides and the replicas follow ({@link ScalingLoop#tick}). */
    public void tick(long nowNanos) {
        expire(nowNanos);
        scaling.tick(nowNanos, busy(), queued(), listener::replicaStarting, listener::event);
        if (perReplica != null) {
            perReplica.resize(replicas.ready());
            perReplica.activatorInPath(scaling.lastDecision().activatorInPath());
        }
    }

    /** The replica side now, as a timeline row and {@code /metrics} report it. */
    public ReplicaSample sample() {
        return scaling.sample(busy(), queued());
    }

    /**
     * Replica-hours billed up to {@code nowNanos} (replicas holding a node: ready, starting,
     * crash-looping; never past the end of the traffic), and the most replicas ready at once.
     */
    void closeRun(long nowNanos, RunLog log) {
        scaling.bill(nowNanos);
        log.finish(scaling.replicaNanos(), scaling.peakReady(), scaling.nodePools());
    }

    /** Requests waiting now: in the central queue, or in every replica's queue and the activator. */
    private long queued() {
        return perReplica == null ? queue.size() : perReplica.queued();
    }

    /** Busy slots now: the central queue's, or those on every replica. */
    private long busy() {
        return perReplica == null ? busy : perReplica.busy();
    }

    /** Concurrency slots of the ready replicas (read on every arrival: from the model's own fields, not through the loop). */
    private long slots() {
        return (long) replicas.ready() * concurrency;
    }

    /**
     * {@code drawnNanos} under {@code service.slowdown} ({@link Service#slowdownFactor}) with
     * {@code inFlight} requests on the replica, this one included (called only with a slowdown).
     */
    static long slowed(Service slowdown, long drawnNanos, double inFlight) {
        return Math.round(drawnNanos * slowdown.slowdownFactor(inFlight));
    }

    /**
     * Central queue: a request starts on a free slot; its replica's load is taken as the busy slots
     * spread evenly over the ready replicas (azureml-fe does not say which replica it picks).
     */
    private void start(long nowNanos, long arrivalNanos, long drawnNanos, boolean fails, long handle) {
        busy++;
        long serviceNanos = slowdown == null ? drawnNanos : slowed(slowdown, drawnNanos, busy / (double) replicas.ready());
        long waitNanos = nowNanos - arrivalNanos;
        if (serviceNanos > timeoutNanos) {
            listener.started(handle, arrivalNanos, waitNanos, serviceNanos, timeoutNanos, TIMED_OUT);
        } else {
            listener.started(handle, arrivalNanos, waitNanos, serviceNanos, serviceNanos, fails ? FAILED : OK);
        }
    }

    /** Starts queued requests while slots are free; one whose wait limit has passed gets 503 instead. */
    private void drain(long nowNanos) {
        while (!queue.isEmpty() && busy < slots()) {
            long arrival = queue.peekArrival();
            long encoded = queue.peekService();
            long handle = queue.peekHandle();
            queue.remove();
            if (arrival + waitLimitNanos < nowNanos) {
                listener.rejected(handle, arrival, waitLimitNanos);
            } else {
                boolean fails = encoded < 0;
                start(nowNanos, arrival, fails ? -encoded - 1 : encoded, fails, handle);
            }
        }
    }
}
