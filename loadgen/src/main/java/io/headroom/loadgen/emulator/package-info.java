/**
 * {@code headroom target}: a real HTTP server (Netty, HTTP/1.1 keep-alive) that behaves like the
 * autoscaled endpoint a scenario describes, so a load test can be tried end to end on one machine.
 * {@link io.headroom.loadgen.emulator.EmulatedEndpoint} runs the simulator's model on the wall clock
 * — replicas and their concurrency slots, the router's FIFO queue with its wait limit, timeouts,
 * errors, replica startup and failures, node capacity, and the scenario's own autoscaler policy —
 * all on one router thread, with requests held by scheduled tasks rather than threads.
 * {@link io.headroom.loadgen.emulator.InstantEndpoint} answers everything 200 at once, to benchmark
 * the load generator. Mutable state ({@code Router}, {@code ReplicaSet}, connection handlers) is
 * package-private and confined to one thread each.
 */
package io.headroom.loadgen.emulator;
