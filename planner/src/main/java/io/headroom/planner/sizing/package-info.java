/**
 * {@code headroom size}: replicas for a target request rate by the documented Azure ML sizing rule,
 * the queueing behaviour at that count (M/M/c with the Allen–Cunneen correction, and M/M/c+D for
 * the router's max wait), the smallest count that meets a 503 or queue-wait SLO, and whether the
 * replicas fit the cluster's node pools. Pure functions of a {@link io.headroom.planner.sizing.SizingQuery}.
 */
package io.headroom.planner.sizing;
