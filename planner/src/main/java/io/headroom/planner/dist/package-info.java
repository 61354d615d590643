/**
 * Distributions of durations (service and startup times): one record per variant behind the sealed
 * {@link io.headroom.planner.dist.DistributionSpec}, each able to draw from a caller's seeded random stream.
 */
package io.headroom.planner.dist;
