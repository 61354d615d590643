package io.headroom.planner.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Grouped data: {@code counts[i]} observations known only to lie in {@code [lower[i], upper[i])}
 * (an HdrHistogram bucket, or a startup seen between two samples; {@code upper} may be +∞ for an
 * observation still running at the end), sorted by lower edge. Values are in one unit the caller
 * chooses (µs for latencies, seconds for startups).
 */
public record Intervals(double[] lower, double[] upper, long[] counts) {
    public Intervals {
        if (lower.length != upper.length || lower.length != counts.length) {
            throw new IllegalArgumentException("lower, upper and counts must have one entry per interval");
        }
        lower = lower.clone();
        upper = upper.clone();
        counts = counts.clone();
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] >= 0) || !(upper[i] > lower[i]) || counts[i] < 0) {
                throw new IllegalArgumentException("interval " + i + " must have 0 <= lower < upper and a count >= 0 but was ["
                        + lower[i] + ", " + upper[i] + ") x " + counts[i]);
            }
        }
    }

    /**
     * Every non-empty bucket of {@code h} as {@code [lowestEquivalentValue, nextNonEquivalentValue)}
     * (the note's §1.2(a), HdrHistogram's own bucket edges).
     */
    public static Intervals of(AbstractHistogram h) {
        List<double[]> rows = new ArrayList<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            long x = v.getValueIteratedTo();
            rows.add(new double[] {h.lowestEquivalentValue(x), h.nextNonEquivalentValue(x), v.getCountAtValueIteratedTo()});
        }
        double[] lower = new double[rows.size()];
        double[] upper = new double[rows.size()];
        long[] counts = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            lower[i] = rows.get(i)[0];
            upper[i] = rows.get(i)[1];
            counts[i] = (long) rows.get(i)[2];
        }
        return new Intervals(lower, upper, counts);
    }

    /** All observations. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** The mean and variance of the interval midpoints (+∞ intervals left out): the method-of-moments inputs. */
    double[] meanAndVariance() {
        double n = 0;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < counts.length; i++) {
            if (Double.isInfinite(upper[i])) {
                continue;
            }
            double mid = (lower[i] + upper[i]) / 2;
            n += counts[i];
            sum += counts[i] * mid;
            sumSq += counts[i] * mid * mid;
        }
        double mean = sum / n;
        return new double[] {mean, Math.max(sumSq / n - mean * mean, 1e-12 * mean * mean)};
    }

    int size() {
        return counts.length;
    }
}
