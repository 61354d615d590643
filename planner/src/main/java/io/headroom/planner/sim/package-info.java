/**
 * The simulator: {@link io.headroom.planner.sim.Simulator} runs a scenario through the
 * package-private {@code Engine} (discrete-event: all mutable state — event heaps, the router queue,
 * the replica pool, recorders) or {@code FastEngine} (time-stepped fluid with stationary queueing
 * results per step, {@link io.headroom.planner.sim.SimulationEngine#FAST}), and returns the same
 * records. {@link io.headroom.planner.sim.EngineComparison} and
 * {@link io.headroom.planner.sim.EngineSuite} measure the fast engine against the discrete-event one.
 */
package io.headroom.planner.sim;
