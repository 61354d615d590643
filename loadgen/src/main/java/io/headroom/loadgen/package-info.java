/**
 * headroom's loadgen module: Gatling load tests that replay a scenario's arrivals against a live
 * endpoint ({@link io.headroom.loadgen.loadtest}) and the emulated autoscaled endpoint that
 * {@code headroom target} serves ({@link io.headroom.loadgen.emulator}).
 */
package io.headroom.loadgen;
