package io.headroom.reports.chart;

import io.headroom.planner.timeline.TimelineRow;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Downsampling for long runs: a timeline of n seconds becomes at most {@code maxPoints} points,
 * each the maximum over a bucket of whole seconds (so peaks, and any 503 second, stay visible).
 * A run short enough keeps one point per second.
 *
 * @param bucketSeconds seconds per point (1 = no downsampling)
 */
public record Buckets(int bucketSeconds) {
    /** The most points one series draws. */
    public static final int MAX_POINTS = 2000;

    public Buckets {
        if (bucketSeconds < 1) {
            throw new IllegalArgumentException("bucketSeconds must be >= 1 but was " + bucketSeconds);
        }
    }

    /** The smallest whole-second bucket that keeps {@code seconds} within {@link #MAX_POINTS} points. */
    public static Buckets forSeconds(int seconds) {
        return new Buckets(Math.max(1, (seconds + MAX_POINTS - 1) / MAX_POINTS));
    }

    public boolean downsampled() {
        return bucketSeconds > 1;
    }

    /**
     * {@code {x[], y[]}}: per bucket, its first second and the maximum of {@code value} over the rows in it;
     * NaN values are skipped, and a bucket with none is NaN (a gap in a line).
     */
    public double[][] max(List<TimelineRow> rows, ToDoubleFunction<TimelineRow> value) {
        if (rows.isEmpty()) {
            return new double[][] {new double[0], new double[0]};
        }
        int last = rows.get(rows.size() - 1).second();
        int n = last / bucketSeconds + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (double) i * bucketSeconds;
            y[i] = Double.NaN;
        }
        for (TimelineRow r : rows) {
            int i = r.second() / bucketSeconds;
            double v = value.applyAsDouble(r);
            if (!Double.isNaN(v) && (Double.isNaN(y[i]) || v > y[i])) {
                y[i] = v;
            }
        }
        return new double[][] {x, y};
    }

    /** {@link #max(List, ToDoubleFunction)} of a series given per second (index = second). */
    public double[][] max(double[] perSecond) {
        int n = perSecond.length == 0 ? 0 : (perSecond.length - 1) / bucketSeconds + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.Arrays.fill(y, Double.NaN);
        for (int i = 0; i < n; i++) {
            x[i] = (double) i * bucketSeconds;
        }
        for (int s = 0; s < perSecond.length; s++) {
            int i = s / bucketSeconds;
            double v = perSecond[s];
            if (!Double.isNaN(v) && (Double.isNaN(y[i]) || v > y[i])) {
                y[i] = v;
            }
        }
        return new double[][] {x, y};
    }

    /** Runs of buckets holding at least one row that matches, as {@code {startSecond, endSecond}} pairs (end exclusive). */
    public List<int[]> runs(List<TimelineRow> rows, java.util.function.Predicate<TimelineRow> matches) {
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        int runStart = -1;
        int runEnd = -1;
        for (TimelineRow r : rows) {
            if (!matches.test(r)) {
                continue;
            }
            int start = r.second() / bucketSeconds * bucketSeconds;
            int end = start + bucketSeconds;
            if (runStart >= 0 && start <= runEnd) {
                runEnd = Math.max(runEnd, end);
            } else {
                if (runStart >= 0) {
                    runs.add(new int[] {runStart, runEnd});
                }
                runStart = start;
                runEnd = end;
            }
        }
        if (runStart >= 0) {
            runs.add(new int[] {runStart, runEnd});
        }
        return List.copyOf(runs);
    }
}
