/**
 * Predicted against observed: how well a simulated timeline's 503 seconds and totals agree with a
 * load test's, second by second, and the verdict against thresholds whose failures read in their
 * units. Pure functions of two timelines; no charts, no I/O.
 */
package io.headroom.reports.compare;
