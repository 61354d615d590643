package io.headroom.planner.sim;

import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Service;
import java.util.SplittableRandom;

/**
 * The per-replica side of {@link RouterModel}'s rules: a balancer's queue per replica
 * ({@link ReplicaQueues}: round-robin, random, least-in-flight) and, for Knative, the {@link Activator}
 * in front of them. An arrival goes to one replica at once (or to the activator while it is in the path)
 * and waits there; the timeout counts from arrival, so a request still waiting at arrival + timeout is
 * answered 504 then, and one that starts in time gets 504 at the timeout if its service would end later.
 *
 * <p>Separate from {@code RouterModel} because it changes for another reason: how a balancer or Knative's
 * activator places and expires requests, while the model keeps azureml-fe's central queue and what both
 * share (the draws, the metric buckets, the scaling loop's tick and readiness). It counts its own busy
 * slots: under per-replica routing the central queue never starts anything. Mutable, one thread; owned by
 * {@link RouterModel}.
 */
final class ReplicaRouting {
    private final RouterModel.Listener listener;
    private final long timeoutNanos;
    /** The service's slowdown model, or null without one. */
    private final Service slowdown;
    private final MetricBuckets metrics;
    private final ReplicaQueues perReplica;
    /** Knative's activator in front of the per-replica queues, or null. */
    private final Activator activator;

    private long busy;

    ReplicaRouting(Service service, Service slowdown, SplittableRandom routingRandom, MetricBuckets metrics,
            RouterModel.Listener listener) {
        this.listener = listener;
        this.timeoutNanos = service.timeout().toNanos();
        this.slowdown = slowdown;
        this.metrics = metrics;
        this.perReplica = new ReplicaQueues(service.routing(), service.concurrency(), routingRandom);
        this.activator = service.routing().mode() == Routing.Mode.KNATIVE ? new Activator() : null;
    }

    /** Busy slots on all replicas. */
    long busy() {
        return busy;
    }

    /** Requests waiting now: in every replica's queue and in the activator. */
    long queued() {
        return perReplica.queued() + (activator == null ? 0 : activator.queue().size());
    }

    /** Whether Knative's activator stands in front of the replicas. */
    boolean hasActivator() {
        return activator != null;
    }

    /** The policy's last decision puts the activator in the path or takes it out (no-op without one). */
    void activatorInPath(boolean inPath) {
        if (activator != null) {
            activator.inPath(inPath);
        }
    }

    /** The balancer's replicas are the {@code ready} ones. */
    void resize(int ready) {
        perReplica.resize(ready);
    }

    /** A request arrives now with its drawn service time and error draw; {@code ready} replicas are ready. */
    void arrive(long nowNanos, long serviceNanos, boolean fails, long handle, int ready) {
        if (activator != null && activator.takesArrivals(ready)) {
            arriveAtActivator(nowNanos, serviceNanos, fails, handle);
        } else {
            arriveAtReplica(nowNanos, serviceNanos, fails, handle);
        }
    }

    private void arriveAtActivator(long nowNanos, long serviceNanos, boolean fails, long handle) {
        int id = perReplica.freeSlotReplica();
        if (id >= 0) {
            startOnReplica(id, nowNanos, nowNanos, serviceNanos, fails, handle);
        } else if (activator.queue().isFull()) {
            listener.rejected(handle, nowNanos, 0);
        } else {
            activator.queue().add(nowNanos, fails ? -serviceNanos - 1 : serviceNanos, handle);
        }
    }

    /** Starts what the activator holds on replica {@code id} while it has free slots (or anywhere free when {@code id} is -1). */
    private void drainActivator(long nowNanos, int only) {
        RequestQueue q = activator.queue();
        while (!q.isEmpty()) {
            int id = only >= 0 ? (perReplica.hasFreeSlot(only) && perReplica.accepting(only) ? only : -1) : perReplica.freeSlotReplica();
            if (id < 0) {
                return;
            }
            long arrival = q.peekArrival();
            long encoded = q.peekService();
            long handle = q.peekHandle();
            q.remove();
            boolean fails = encoded < 0;
            startOnReplica(id, nowNanos, arrival, fails ? -encoded - 1 : encoded, fails, handle);
        }
    }

    private void arriveAtReplica(long nowNanos, long serviceNanos, boolean fails, long handle) {
        int id = perReplica.choose();
        if (id < 0) {
            listener.rejected(handle, nowNanos, 0);
        } else if (perReplica.hasFreeSlot(id)) {
            startOnReplica(id, nowNanos, nowNanos, serviceNanos, fails, handle);
        } else if (perReplica.queueFull(id)) {
            listener.rejected(handle, nowNanos, 0);
        } else {
            perReplica.enqueue(id, nowNanos, fails ? -serviceNanos - 1 : serviceNanos, handle);
        }
    }

    /** The timeout counts from arrival (a request that waits past it is expired with 504 first). */
    private void startOnReplica(int id, long nowNanos, long arrivalNanos, long drawnNanos, boolean fails, long handle) {
        busy++;
        long serviceNanos = slowdown == null ? drawnNanos : RouterModel.slowed(slowdown, drawnNanos, perReplica.busy(id) + 1);
        perReplica.occupy(id, nowNanos + serviceNanos);
        long waitNanos = nowNanos - arrivalNanos;
        if (waitNanos + serviceNanos > timeoutNanos) {
            listener.started(handle, arrivalNanos, waitNanos, serviceNanos, timeoutNanos - waitNanos, RouterModel.TIMED_OUT);
        } else {
            listener.started(handle, arrivalNanos, waitNanos, serviceNanos, serviceNanos, fails ? RouterModel.FAILED : RouterModel.OK);
        }
    }

    /** A started request's service has ended now: its slot frees and its replica's queue (else the activator) drains into it. */
    void finish(long nowNanos) {
        busy--;
        int id = perReplica.completion();
        RequestQueue q = perReplica.queue(id);
        if (!q.isEmpty()) {
            long arrival = q.peekArrival();
            long encoded = q.peekService();
            long handle = q.peekHandle();
            q.remove();
            perReplica.dequeued();
            boolean fails = encoded < 0;
            startOnReplica(id, nowNanos, arrival, fails ? -encoded - 1 : encoded, fails, handle);
        } else if (activator != null) {
            drainActivator(nowNanos, id);
        }
        perReplica.release(id);
    }

    /** Replicas became ready: the balancer takes them and the activator drains into them. */
    void replicasReady(long nowNanos, int ready) {
        perReplica.resize(ready);
        if (activator != null) {
            drainActivator(nowNanos, -1);
        }
    }

    /** Waiting requests whose timeout has passed leave with 504 (the activator's and the replicas'). */
    void expire(long nowNanos) {
        if (activator != null && activator.expire(nowNanos, timeoutNanos, listener)) {
            metrics.counts(nowNanos, busy + queued(), busy);
        }
        int id = perReplica.oldestWaiting();
        if (id < 0 || perReplica.queue(id).peekArrival() + timeoutNanos >= nowNanos) {
            return;
        }
        while (id >= 0 && perReplica.queue(id).peekArrival() + timeoutNanos < nowNanos) {
            RequestQueue q = perReplica.queue(id);
            listener.timedOutWaiting(q.peekHandle(), q.peekArrival(), timeoutNanos);
            q.remove();
            perReplica.dequeued();
            perReplica.release(id);
            id = perReplica.oldestWaiting();
        }
        metrics.counts(nowNanos, busy + queued(), busy);
    }

    /** The first instant at which a waiting request is expired, or {@link Long#MAX_VALUE} when none waits. */
    long nextExpiryNanos() {
        int id = perReplica.oldestWaiting();
        long atReplica = id < 0 ? Long.MAX_VALUE : perReplica.queue(id).peekArrival() + timeoutNanos + 1;
        long atActivator = activator == null ? Long.MAX_VALUE : activator.nextExpiryNanos(timeoutNanos);
        return Math.min(atReplica, atActivator);
    }
}
