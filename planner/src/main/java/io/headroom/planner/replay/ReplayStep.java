package io.headroom.planner.replay;

/**
 * One controller sync replayed.
 *
 * @param timeSeconds the row's time, seconds since the start
 * @param desired the final replica count the autoscaler sets
 * @param proposed what the metric alone asked for
 * @param stabilized the count after stabilization, before rate limits and min/max
 * @param limit why the count is what it is: upstream's reason for an hpa (ScaleUpLimit, ScaleDownLimit,
 *     TooManyReplicas, TooFewReplicas, DesiredWithinRange, FailedGetMetrics), the decision's limit for other policies
 */
public record ReplayStep(double timeSeconds, int desired, long proposed, long stabilized, String limit) {
}
