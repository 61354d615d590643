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

    /**
     * The bucket index {@code point} falls on when it slices a trace of {@code length} at
     * {@code resolution}: a whole number of buckets into it, at most its length; -1 when it does not.
     * The one rule for {@code traffic.trace.from}/{@code to} and {@code headroom import traffic --from/--to}.
     */
    public static int bucketAt(Duration point, Duration resolution, Duration length) {
        if (point.isNegative() || point.getNano() != 0 || point.getSeconds() % resolution.getSeconds() != 0
                || point.compareTo(length) > 0) {
            return -1;
        }
        return (int) (point.getSeconds() / resolution.getSeconds());
    }

    /**
     * The replayed counts times {@code scale}, as whole requests by carried rounding (bucket i gets
     * round(S_i) - round(S_{i-1}) of the running scaled sum S), so the total is exactly
     * round(scale × the sum of the counts): what {@code headroom import traffic --scale} writes.
     */
    public List<Integer> scaledCounts() {
        List<Integer> out = new ArrayList<>(counts.size());
        double sum = 0;
        long emitted = 0;
        for (int c : counts) {
            sum += c * scale;
            long total = Math.round(sum);
            out.add(Math.toIntExact(total - emitted));
            emitted = total;
        }
        return out;
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
