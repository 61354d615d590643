/**
 * {@code headroom target}: a real HTTP server (Netty, HTTP/1.1 keep-alive) that behaves like the
 * autoscaled endpoint a scenario describes, so a load test can be tried end to end on one machine.
 * {@link io.headroom.loadgen.emulator.EmulatedEndpoint} drives the planner's
 * {@code io.headroom.planner.sim.RouterModel} — the simulator's own rules for replicas and their
 * concurrency slots, the router's FIFO queue with its wait limit and cap, timeouts, errors, replica
 * startup and failures, node capacity, and the scenario's autoscaler policy — on the wall clock, all
 * on one router thread, with requests held by scheduled tasks rather than threads.
 * {@link io.headroom.loadgen.emulator.InstantEndpoint} answers everything 200 at once, to benchmark
 * the load generator. Mutable state ({@code Router}, connection handlers) is package-private and
 * confined to one thread each.
 */
package io.headroom.loadgen.emulator;
