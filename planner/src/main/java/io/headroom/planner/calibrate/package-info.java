/**
 * Calibration: the scenario's service-time and startup distributions fitted from measurements (a
 * low-load run's latency histogram, a step test's ready/desired replica series) by maximum
 * likelihood on grouped (binned or interval-censored) data, judged by a G-test on merged cells and
 * by the relative error of the quantiles the simulator depends on; and the {@code service.slowdown}
 * of a replica from runs at several loads (a response-time regression). Method and pitfalls:
 * {@code shared/notes/calibration-import-distributed.md} §1.2–§1.5.
 */
package io.headroom.planner.calibrate;
