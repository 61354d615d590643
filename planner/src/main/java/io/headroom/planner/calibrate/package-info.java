/**
 * Calibration: the scenario's service-time and startup distributions fitted from measurements (a
 * low-load run's latency histogram, a step test's ready/desired replica series) by maximum
 * likelihood on grouped (binned or interval-censored) data, judged by a G-test on merged cells and
 * by the relative error of the quantiles the simulator depends on. Method and pitfalls:
 * {@code shared/notes/calibration-import-distributed.md} §1.2–§1.4.
 */
package io.headroom.planner.calibrate;
