package io.headroom.planner.traffic;

import java.util.Arrays;
import java.util.List;

/**
 * A request rate (per second) that is linear between breakpoints; two breakpoints at the same time
 * make a step. After the last breakpoint the last rate holds. Immutable.
 */
public final class PiecewiseLinearRate {
    private final double[] timesSeconds;
    private final double[] ratesPerSecond;

    private PiecewiseLinearRate(double[] timesSeconds, double[] ratesPerSecond) {
        this.timesSeconds = timesSeconds;
        this.ratesPerSecond = ratesPerSecond;
    }

    /** Breakpoints as {@code {timeSeconds, ratePerSecond}} pairs in non-decreasing time. */
    public static PiecewiseLinearRate of(List<double[]> points) {
        double[] t = new double[points.size()];
        double[] r = new double[points.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = points.get(i)[0];
            r[i] = points.get(i)[1];
            if (i > 0 && t[i] < t[i - 1]) {
                throw new IllegalArgumentException("breakpoints must be in time order");
            }
            if (!(r[i] >= 0)) {
                throw new IllegalArgumentException("rates must be >= 0 but was " + r[i]);
            }
        }
        return new PiecewiseLinearRate(t, r);
    }

    int pieces() {
        return timesSeconds.length;
    }

    double startSeconds(int piece) {
        return timesSeconds[piece];
    }

    /** End of a piece; the last piece never ends. */
    double endSeconds(int piece) {
        return piece + 1 < timesSeconds.length ? timesSeconds[piece + 1] : Double.POSITIVE_INFINITY;
    }

    double startRate(int piece) {
        return ratesPerSecond[piece];
    }

    /** Rate change per second within a piece. */
    double slope(int piece) {
        if (piece + 1 >= timesSeconds.length) {
            return 0;
        }
        double width = timesSeconds[piece + 1] - timesSeconds[piece];
        return width > 0 ? (ratesPerSecond[piece + 1] - ratesPerSecond[piece]) / width : 0;
    }

    /** The rate at {@code seconds} (right-continuous at steps). */
    public double rateAt(double seconds) {
        int i = pieceAt(seconds);
        return ratesPerSecond[i] + slope(i) * (seconds - timesSeconds[i]);
    }

    int pieceAt(double seconds) {
        int i = Arrays.binarySearch(timesSeconds, seconds);
        if (i < 0) {
            i = -i - 2;
        } else {
            while (i + 1 < timesSeconds.length && timesSeconds[i + 1] <= seconds) {
                i++;
            }
        }
        return Math.max(0, i);
    }

    /** The expected number of requests in [fromSeconds, toSeconds]: the integral of the rate. */
    public double expectedCount(double fromSeconds, double toSeconds) {
        double total = 0;
        for (int i = pieceAt(fromSeconds); i < timesSeconds.length && startSeconds(i) < toSeconds; i++) {
            double a = Math.max(fromSeconds, startSeconds(i));
            double b = Math.min(toSeconds, endSeconds(i));
            if (b > a) {
                total += (rateAt(a, i) + rateAt(b, i)) / 2 * (b - a);
            }
        }
        return total;
    }

    double rateAt(double seconds, int piece) {
        return ratesPerSecond[piece] + slope(piece) * (seconds - timesSeconds[piece]);
    }

    /** The highest rate reached before {@code untilSeconds}. */
    public double peakRate(double untilSeconds) {
        double peak = 0;
        for (int i = 0; i < timesSeconds.length && timesSeconds[i] <= untilSeconds; i++) {
            peak = Math.max(peak, i + 1 < timesSeconds.length && timesSeconds[i + 1] > untilSeconds
                    ? rateAt(untilSeconds, i) : ratesPerSecond[i]);
        }
        return peak;
    }
}
