package io.headroom.planner.scenario;

/**
 * One sample of a monitoring series: its time (epoch milliseconds), its value, and where the
 * sample's time was written ({@code file:line:column}) for errors.
 */
record TimedPoint(long epochMillis, double value, String at) {
}
