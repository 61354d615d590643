/**
 * Load tests of live endpoints with Gatling: an open model that replays the simulator's own arrivals
 * for the scenario's seed, a recorder of every request (per-second aggregates and HdrHistograms,
 * requests without a response counted), the target's replica counts from its metrics, and the
 * observed outputs in the formats {@code simulate} writes.
 */
package io.headroom.loadgen.loadtest;
