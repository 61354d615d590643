/**
 * The discrete-event simulator: {@link io.headroom.planner.sim.Simulator} runs a scenario through the
 * package-private {@code Engine} (all mutable state: event heaps, the router queue, the replica
 * pool, recorders) and returns records.
 */
package io.headroom.planner.sim;
