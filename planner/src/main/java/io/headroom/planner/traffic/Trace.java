package io.headroom.planner.traffic;

import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replayed request counts, one per bucket of {@code resolution} (a whole number of seconds), read
 * from {@code file}. Within a bucket the rate is constant at count × scale / resolution.
 *
 * @param counts the buckets replayed, from {@code from} on
 * @param scale what every count is multiplied by (2 replays the trace at twice its traffic), > 0
 * @param from where in the file's trace the replayed buckets start (a slice), >= 0s
 */
public record Trace(String file, Duration resolution, List<Integer> counts, double scale, Duration from) implements TrafficShape {
    /** A whole trace at its own traffic. */
    public Trace(String file, Duration resolution, List<Integer> counts) {
        this(file, resolution, counts, 1, Duration.ZERO);
    }

    public Trace {
        counts = List.copyOf(counts);
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("a trace needs at least one count but " + file + " had none");
        }
        if (resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("a trace's resolution must be > 0s");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("a trace's scale must be a finite number > 0 but was " + scale);
        }
        if (from == null || from.isNegative()) {
            throw new IllegalArgumentException("a trace slice's from must be >= 0s");
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
            double rps = counts.get(i) * scale / bucket;
            points.add(new double[] {i * bucket, rps});
            points.add(new double[] {(i + 1) * bucket, rps});
        }
        return PiecewiseLinearRate.of(points);
    }
}
