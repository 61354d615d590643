/**
 * Several injectors' segments of one load test, combined into one observed run: each segment's
 * folder read back and checked to belong to the same plan (digest, seed, N, every I once), then
 * the per-second counts and the per-intended-second latency histograms added, which is exact
 * because every injector keys them on the same seconds of the same shared start.
 */
package io.headroom.loadgen.merge;
