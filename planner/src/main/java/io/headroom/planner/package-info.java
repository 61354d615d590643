/**
 * The domain of headroom: scenario model and loader ({@code scenario}), queueing formulas
 * ({@code queueing}), sizing queries ({@code sizing}), node pools ({@code cluster}), traffic and
 * service-time models ({@code traffic}, {@code dist}), autoscaler policies ({@code autoscaler}) and
 * the discrete-event simulator ({@code sim}). No load generation and no charts live here.
 */
package io.headroom.planner;
