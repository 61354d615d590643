package io.headroom.planner.sim;

import io.headroom.planner.scenario.Service;

/**
 * The spread of {@code service.slowdown}'s factor between the requests that start in one step of
 * {@link FastEngine}: each request runs its drawn length times the factor of the requests in flight
 * where it starts ({@link Service#slowdownFactor}), and that count is random. The fluid runs every
 * start at the factor of the mean count, which is right for the mean latency (the factor is linear)
 * but makes every request equally slow: the latency's spread, its p99 above all, came out short
 * (calibrate-concurrency: p99 208 ms against DES's 257 ms on an hour; one replica of 8 slots, where
 * a request that finds 4 others in flight runs twice as long as one that finds none).
 *
 * <p>The model. By PASTA a start finds the others in flight distributed as the stationary count, taken
 * as Poisson with the step's mean (the M/G/∞ count, exact with slots to spare, and the count
 * {@link PolicyNoise} follows), capped where the slots end: N ~ min(Poisson(m), cap). The in-flight a
 * start sees is (N + 1) / divisor, as in the discrete-event engine ({@link RouterModel}): behind the
 * central queue the total busy count spread over the ready replicas (divisor = ready, cap = slots − 1),
 * behind a balancer its own replica's (divisor 1, cap = concurrency − 1, m = busy / ready), behind
 * Knative's activator, which packs the replicas, the total busy count on one replica (divisor 1, cap
 * = concurrency − 1). The distribution is kept as {@value #BINS} bins on the factor's range
 * [1, f(concurrency)], each with its weight and the mean factor of what fell in it; then every
 * factor's excess over 1 is scaled by one constant so that their mean is the fluid's factor, which
 * the departures run (so latency and the busy count keep Little's law), and none falls below 1. A
 * Poisson count of mean above {@value #EXACT_MEAN} is taken as normal, on a grid of
 * {@value #NORMAL_POINTS} points over ±4 standard deviations, or as its mean where those fall in one
 * bin; the shape is kept while the mean stays within {@value #RESOLUTION} of it (relative). Where it
 * is weak: the count is not Poisson near full load (fewer high counts: a start needs a free slot),
 * and the spread is independent of the wait (a request that waited starts where a slot just freed,
 * on a busier replica). Mutable, one thread; owned by the engine.
 */
final class SlowdownSpread {
    /** Bins of the factor's range. */
    static final int BINS = 64;
    /** Largest mean whose Poisson count is summed term by term. */
    static final double EXACT_MEAN = 40;
    /** Relative resolution of the count's mean (absolute below 1): a step within it of the last reuses its spread. */
    static final double RESOLUTION = 2e-3;
    /** Points of the normal grid for larger means. */
    static final int NORMAL_POINTS = 17;

    /** The normal grid's points (standard deviations) and weights (summing to 1). */
    private static final double[] NORMAL_Z = new double[NORMAL_POINTS];
    private static final double[] NORMAL_WEIGHTS = new double[NORMAL_POINTS];

    static {
        double total = 0;
        for (int i = 0; i < NORMAL_POINTS; i++) {
            NORMAL_Z[i] = -4 + 8.0 * i / (NORMAL_POINTS - 1);
            NORMAL_WEIGHTS[i] = Math.exp(-NORMAL_Z[i] * NORMAL_Z[i] / 2);
            total += NORMAL_WEIGHTS[i];
        }
        for (int i = 0; i < NORMAL_POINTS; i++) {
            NORMAL_WEIGHTS[i] /= total;
        }
    }

    private final Service service;
    /** Width of a bin of the factor's range [1, f(concurrency)]. */
    private final double width;
    /** Per bin: the share of the step's starts, and that share times their factor. */
    private final double[] weights = new double[BINS];
    private final double[] weighted = new double[BINS];
    /** The same before the mean is moved: what a step whose count has not moved reuses. */
    private final double[] unmoved = new double[BINS];
    /** The bins the last spread touched: [lowestBin, highestBin]; all others are 0. */
    private int lowestBin;
    private int highestBin = BINS - 1;
    /** What the last spread was computed for: the count's key ({@link #RESOLUTION}), the cap and the divisor. */
    private long lastKey = Long.MIN_VALUE;
    private int lastCap;
    private double lastDivisor;

    SlowdownSpread(Service service) {
        this.service = service;
        this.width = (service.slowdownFactor(service.concurrency()) - 1) / BINS;
    }

    /**
     * The spread for starts that find {@code others} in flight on average (at most {@code cap}), seeing
     * (N + 1) / {@code divisor}; its factors' mean is moved to {@code meanFactor}.
     */
    void of(double others, int cap, double divisor, double meanFactor) {
        // the count on a grid of RESOLUTION, relative (its shape moves slowly; the mean is moved exactly below)
        double raw = Math.max(0, others);
        long key = raw <= 1 ? Math.round(raw / RESOLUTION) : Long.MAX_VALUE / 2 + Math.round(Math.log(raw) / RESOLUTION);
        if (key != lastKey || cap != lastCap || divisor != lastDivisor) {
            lastKey = key;
            lastCap = cap;
            lastDivisor = divisor;
            spread(raw <= 1 ? key * RESOLUTION : Math.exp((key - Long.MAX_VALUE / 2) * RESOLUTION), cap, divisor);
        }
        double mean = 0;
        for (int b = lowestBin; b <= highestBin; b++) {
            mean += unmoved[b];
        }
        // the excess over 1 scaled (so none falls below 1), or with no excess at all, moved
        double scale = mean > 1 ? (meanFactor - 1) / (mean - 1) : 0;
        for (int b = lowestBin; b <= highestBin; b++) {
            weighted[b] = mean > 1 ? weights[b] + scale * (unmoved[b] - weights[b]) : weights[b] * meanFactor;
        }
    }

    /** The spread of a count of mean {@code m}, before its mean is moved. */
    private void spread(double m, int cap, double divisor) {
        java.util.Arrays.fill(weights, lowestBin, highestBin + 1, 0);
        java.util.Arrays.fill(unmoved, lowestBin, highestBin + 1, 0);
        java.util.Arrays.fill(weighted, lowestBin, highestBin + 1, 0);
        lowestBin = BINS - 1;
        highestBin = 0;
        // a spread narrower than a bin (many replicas behind the central queue: sd √m / ready) is its mean
        boolean narrow = m > EXACT_MEAN && bin(service.slowdownFactor((Math.max(0, m - 4 * Math.sqrt(m)) + 1) / divisor))
                == bin(service.slowdownFactor((Math.min(cap, m + 4 * Math.sqrt(m)) + 1) / divisor));
        if (width <= 0 || cap <= 0 || m == 0) {
            add(Math.min(0, cap), divisor, 1);
        } else if (narrow) {
            add(Math.min(cap, m), divisor, 1);
        } else if (m <= EXACT_MEAN) {
            double p = Math.exp(-m);
            double below = 0;
            int highest = (int) Math.min(cap - 1, Math.ceil(m + 12 * Math.sqrt(m) + 12));
            for (int n = 0; n <= highest; n++) {
                add(n, divisor, p);
                below += p;
                p *= m / (n + 1);
            }
            add(cap, divisor, Math.max(0, 1 - below));
        } else {
            double sd = Math.sqrt(m);
            for (int i = 0; i < NORMAL_POINTS; i++) {
                add(Math.min(cap, Math.max(0, m + NORMAL_Z[i] * sd)), divisor, NORMAL_WEIGHTS[i]);
            }
        }
    }

    private void add(double count, double divisor, double share) {
        if (share <= 0) {
            return;
        }
        double factor = service.slowdownFactor((count + 1) / divisor);
        int b = bin(factor);
        weights[b] += share;
        unmoved[b] += share * factor;
        lowestBin = Math.min(lowestBin, b);
        highestBin = Math.max(highestBin, b);
    }

    private int bin(double factor) {
        return width <= 0 ? 0 : (int) Math.min(BINS - 1, Math.max(0, (factor - 1) / width));
    }

    /** The lowest bin the last spread holds starts in (the bins below it are empty). */
    int lowestBin() {
        return lowestBin;
    }

    /** The highest bin the last spread holds starts in (the bins above it are empty). */
    int highestBin() {
        return highestBin;
    }

    /** The share of the step's starts in bin {@code b}. */
    double weight(int b) {
        return weights[b];
    }

    /** The share of the step's starts in bin {@code b} times their (moved) factor. */
    double weightedFactor(int b) {
        return weighted[b];
    }
}
