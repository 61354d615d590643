package io.headroom.planner.timeline;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, read from an HdrHistogram of microseconds; null when nothing was timed. */
public record LatencySummary(Double p50, Double p90, Double p99, Double max) {
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(null, null, null, null);
        }
        return new LatencySummary(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    private static Double ms(long micros) {
        return micros / 1000.0;
    }
}
