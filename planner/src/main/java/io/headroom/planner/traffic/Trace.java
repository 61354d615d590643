package io.headroom.planner.traffic;

import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replayed request counts, one per bucket of {@code resolution} (1 s or 1 min), read from {@code file}.
 * Within a bucket the rate is constant at count / resolution.
 */
public record Trace(String file, Duration resolution, List<Integer> counts) implements TrafficShape {
    public Trace {
        counts = List.copyOf(counts);
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("a trace needs at least one count but " + file + " had none");
        }
        if (resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("a trace's resolution must be > 0s");
        }
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("trace counts must be >= 0 but " + file + " had " + c);
            }
        }
    }

    /** The time the trace covers. */
    public Duration length() {
        return resolution.multipliedBy(counts.size());
    }

    @Override
    public PiecewiseLinearRate rate() {
        double bucket = Durations.seconds(resolution);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            double rps = counts.get(i) / bucket;
            points.add(new double[] {i * bucket, rps});
            points.add(new double[] {(i + 1) * bucket, rps});
        }
        return PiecewiseLinearRate.of(points);
    }
}
