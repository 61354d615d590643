package io.headroom.planner.timeline;

/**
 * One objective judged against a run.
 *
 * @param objective what is measured, e.g. {@code 503 fraction} or {@code latency p99}
 * @param limit the allowed value, in {@code unit}
 * @param actual the run's value, in {@code unit}
 * @param unit {@code fraction} or {@code ms}
 * @param met whether actual &lt;= limit
 */
public record SloVerdict(String objective, double limit, double actual, String unit, boolean met) {
}
