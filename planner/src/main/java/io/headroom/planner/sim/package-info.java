/**
 * The router model and its discrete-event driver. {@link io.headroom.planner.sim.RouterModel} holds the
 * request rules (central queue, per-replica queues behind a balancer, or Knative's activator in front of
 * the queue-proxies), the replicas
 * ({@link io.headroom.planner.sim.ReplicaSet}) and the autoscaler's tick with the metrics it reads,
 * with no clock of its own; {@link io.headroom.planner.sim.Simulator} runs a scenario through the
 * package-private {@code Engine} (event heap, recorders) and returns records. {@code headroom target}
 * drives the same model on the wall clock. {@code FastEngine}
 * ({@link io.headroom.planner.sim.SimulationEngine#FAST}) is a time-stepped fluid driver of the same
 * replicas, policies and outputs, with stationary queueing results per step;
 * {@link io.headroom.planner.sim.EngineComparison} and {@link io.headroom.planner.sim.EngineSuite}
 * measure it against the discrete-event one.
 */
package io.headroom.planner.sim;
