package io.headroom.planner.scenario;

import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.queueing.SlowdownErlangB;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * The scored service, per replica.
 *
 * @param serviceTime how long one request holds a concurrency slot
 * @param concurrency requests one replica serves at once ({@code replica_max_concurrent_requests})
 * @param maxQueueWait longest wait in the router queue before the request gets 503; 0 rejects at once when no slot is free
 * @param timeout scoring timeout: a request running longer gets 504 (the replica still finishes it)
 * @param errorRate fraction of requests whose scoring function throws (502)
 * @param startup scale decision to ready: schedule, pull, start, {@code init()}
 * @param startupFailureRate fraction of new replicas whose {@code init()} fails (CrashLoopBackOff)
 * @param resources what one replica requests from a node
 * @param cpuUsage the CPU a replica uses, idle and per busy slot (what an HPA on CPU measures)
 * @param routing how requests reach replicas: azureml-fe's central queue, or a balancer with per-replica queues
 */
public record Service(DistributionSpec serviceTime, int concurrency, Duration maxQueueWait, Duration timeout,
        double errorRate, DistributionSpec startup, double startupFailureRate, Resources resources, CpuUsage cpuUsage,
        Routing routing, double slowdown) {
    /** The same service without a slowdown (each request's service time independent of its replica's load). */
    public Service(DistributionSpec serviceTime, int concurrency, Duration maxQueueWait, Duration timeout, double errorRate,
            DistributionSpec startup, double startupFailureRate, Resources resources, CpuUsage cpuUsage, Routing routing) {
        this(serviceTime, concurrency, maxQueueWait, timeout, errorRate, startup, startupFailureRate, resources, cpuUsage, routing, 0);
    }

    /** A service whose replicas use their whole CPU request when every slot is busy ({@link CpuUsage#fullRequest}). */
    public Service(DistributionSpec serviceTime, int concurrency, Duration maxQueueWait, Duration timeout, double errorRate,
            DistributionSpec startup, double startupFailureRate, Resources resources) {
        this(serviceTime, concurrency, maxQueueWait, timeout, errorRate, startup, startupFailureRate, resources,
                CpuUsage.fullRequest(resources.cpu(), Math.max(1, concurrency)), Routing.CENTRAL);
    }

    /** The same service with another timeout. */
    public Service withTimeout(Duration newTimeout) {
        return new Service(serviceTime, concurrency, maxQueueWait, newTimeout, errorRate, startup, startupFailureRate, resources,
                cpuUsage, routing, slowdown);
    }

    /** The same service whose requests slow each other down by {@code newSlowdown} ({@link #slowdownFactor}). */
    public Service withSlowdown(double newSlowdown) {
        return new Service(serviceTime, concurrency, maxQueueWait, timeout, errorRate, startup, startupFailureRate, resources,
                cpuUsage, routing, newSlowdown);
    }

    /** The same service behind another routing. */
    public Service withRouting(Routing newRouting) {
        return new Service(serviceTime, concurrency, maxQueueWait, timeout, errorRate, startup, startupFailureRate, resources,
                cpuUsage, newRouting, slowdown);
    }

    public Service {
        Objects.requireNonNull(serviceTime, "serviceTime");
        Objects.requireNonNull(cpuUsage, "cpuUsage");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(startup, "startup");
        Objects.requireNonNull(resources, "resources");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1 but was " + concurrency);
        }
        if (maxQueueWait.isNegative()) {
            throw new IllegalArgumentException("maxQueueWait must be >= 0s but was " + Durations.format(maxQueueWait));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0s but was " + Durations.format(timeout));
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must be in [0, 1] but was " + errorRate);
        }
        if (!(startupFailureRate >= 0 && startupFailureRate <= 1)) {
            throw new IllegalArgumentException("startupFailureRate must be in [0, 1] but was " + startupFailureRate);
        }
        if (!(slowdown >= 0) || Double.isInfinite(slowdown)) {
            throw new IllegalArgumentException("slowdown must be a finite number >= 0 but was " + slowdown);
        }
    }

    /**
     * The factor a request's drawn service time is multiplied by when it starts with {@code inFlight}
     * requests on its replica, itself included: {@code 1 + slowdown × (inFlight − 1)} (at least 1).
     * The {@code service.slowdown} model: replicas whose requests share one resource (GPU batching, one
     * worker) serve each more slowly the more they hold; the factor is fixed when the request starts.
     */
    public double slowdownFactor(double inFlight) {
        return SlowdownErlangB.factor(inFlight, slowdown);
    }
}
