package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.scenario.Service;

/**
 * Knative's activator as {@link FastEngine} models it ({@code policy: knative}): the same rule as the
 * discrete-event {@link Activator} — it takes the arrivals while the policy's last decision puts it in
 * the path or no replica is ready — with a fluid queue instead of a FIFO of requests.
 *
 * <p>In the path, the activator sends a request only to a replica with a free slot and holds the
 * rest, first in first out: one pooled queue in front of all ready slots, so within a step the
 * engine reads the M/M/c+D results of {@link StationaryRouter} (Erlang C when nobody waits long; the
 * {@link io.headroom.planner.queueing.AllenCunneen} scaling for cv &ne; 1) at the ready slots and the
 * modified offered load. The patience D of that stationary model is the per-replica model's horizon
 * ({@link StationaryQueue#horizonNanos}), not the revision timeout: the share that would wait longer
 * than D is not refused but held in the engine's {@link FluidBacklog}, whose horizon is the timeout
 * (504 there, as the activator's timeout handler answers), and which drains oldest first into the
 * slots that free. So a cold start or an overload is carried by the fluid backlog, and the stationary
 * waits stay on a grid fine enough for the latency percentiles. What the activator holds in all
 * (backlog and stationary queue) is at most {@link KnativeSpec#ACTIVATOR_QUEUE_DEPTH}; beyond it,
 * 503 ({@link #room}).
 *
 * <p>A switch of the path carries the queued content over as it is: the fluid backlog keeps draining
 * oldest first whichever routing takes the new arrivals (in the discrete-event engine what the
 * activator holds keeps draining after it leaves the path), and the stationary queue's content moves
 * towards the new routing's steady content with the time constant of a waiting request's mean wait
 * (the engine's first-order lag), so no content appears or vanishes at the switch. Mutable, one
 * thread; owned by the engine.
 */
final class FluidActivator {
    private final Activator rule = new Activator();
    private final StationaryRouter pooled;

    FluidActivator(Service s, double horizonSeconds, double stepSeconds) {
        this.pooled = new StationaryRouter(s.serviceTime().mean().toNanos() / 1e9, horizonSeconds, s.serviceTime().cv(), stepSeconds, false);
    }

    /** Whether the step's arrivals go through the activator ({@link Activator#takesArrivals}). */
    boolean takesArrivals(int readyReplicas) {
        return rule.takesArrivals(readyReplicas);
    }

    /** The policy's decision put the activator in the path or took it out. */
    void inPath(boolean activatorInPath) {
        rule.inPath(activatorInPath);
    }

    /** The pooled queue in steady state at {@code slots} ≥ 1 and {@code offeredErlangs}: read its fields until the next call. */
    StationaryQueue solve(int slots, double offeredErlangs) {
        pooled.solve(slots, offeredErlangs);
        return pooled;
    }

    /** How many more requests the activator can hold when it already holds {@code held}. */
    static double room(double held) {
        return Math.max(0, KnativeSpec.ACTIVATOR_QUEUE_DEPTH - held);
    }
}
