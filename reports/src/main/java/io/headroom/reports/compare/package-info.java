/**
 * Predicted against observed: how well a simulated timeline's 503 seconds and totals agree with a
 * load test's, second by second. Pure functions of two timelines; no charts, no I/O.
 */
package io.headroom.reports.compare;
