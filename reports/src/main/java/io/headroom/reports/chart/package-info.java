/**
 * The report's charts, drawn with JFreeChart from per-second timelines: offered load against ready
 * capacity with 503 seconds shaded, replicas over time, latency percentiles, outcomes per second.
 * One {@link io.headroom.reports.chart.Palette} gives every series the same Okabe–Ito colour in
 * every chart; long runs are downsampled to a bounded number of points per series
 * ({@link io.headroom.reports.chart.Buckets}); PNG bytes are deterministic
 * ({@link io.headroom.reports.chart.ChartPng}).
 */
package io.headroom.reports.chart;
