package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.KnativeSpec;

/**
 * Knative's activator as {@link RouterModel} uses it ({@code service.routing} {@code knative}): while it
 * is in the path (the policy's decision says so, or no replica is ready) every arrival goes to a ready
 * replica with a free slot — upstream's throttler sends a request only where the pod's breaker has
 * capacity, the first such pod here (its first-available policy for small containerConcurrency) — or
 * waits here, first in first out, up to {@link KnativeSpec#ACTIVATOR_QUEUE_DEPTH} requests (then 503,
 * upstream's {@code ErrRequestQueueFull}) and up to the revision timeout (then 504, the timeout
 * handler's answer when no response has started). A waiting request starts as soon as a slot frees on
 * a replica with nothing waiting in its own queue-proxy, or a replica becomes ready. Out of the path,
 * arrivals go round-robin to the replicas' queue-proxies; what the activator still holds keeps
 * draining. Mutable; owned by {@link RouterModel}.
 */
final class Activator {
    private final RequestQueue queue = new RequestQueue(KnativeSpec.ACTIVATOR_QUEUE_DEPTH);
    private boolean inPath = true;

    RequestQueue queue() {
        return queue;
    }

    /** Whether arrivals go through the activator: the last decision said so, or no replica is ready. */
    boolean takesArrivals(int readyReplicas) {
        return inPath || readyReplicas == 0;
    }

    void inPath(boolean activatorInPath) {
        this.inPath = activatorInPath;
    }

    /** Held requests whose revision timeout has passed by {@code nowNanos} are answered 504; whether any was. */
    boolean expire(long nowNanos, long timeoutNanos, RouterModel.Listener listener) {
        boolean expired = false;
        while (!queue.isEmpty() && queue.peekArrival() + timeoutNanos < nowNanos) {
            listener.timedOutWaiting(queue.peekHandle(), queue.peekArrival(), timeoutNanos);
            queue.remove();
            expired = true;
        }
        return expired;
    }

    /** The first instant a held request is past the timeout, or {@link Long#MAX_VALUE} when none is held. */
    long nextExpiryNanos(long timeoutNanos) {
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peekArrival() + timeoutNanos + 1;
    }
}
