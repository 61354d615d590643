/**
 * The router model and its discrete-event driver. {@link io.headroom.planner.sim.RouterModel} holds the
 * request rules (central queue or per-replica queues behind a balancer), the replicas
 * ({@link io.headroom.planner.sim.ReplicaSet}) and the autoscaler's tick with the metrics it reads,
 * with no clock of its own; {@link io.headroom.planner.sim.Simulator} runs a scenario through the
 * package-private {@code Engine} (event heap, recorders) and returns records. {@code headroom target}
 * drives the same model on the wall clock.
 */
package io.headroom.planner.sim;
