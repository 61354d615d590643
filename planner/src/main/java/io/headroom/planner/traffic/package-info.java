/**
 * Offered load: rate profiles (steps and ramps) and replayed traces as piecewise-linear rates, and the
 * seeded arrival stream that both the simulator and the load generator draw request times from.
 */
package io.headroom.planner.traffic;
