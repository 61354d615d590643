package io.headroom.planner.traffic;

import java.util.SplittableRandom;

/**
 * Request times drawn from a {@link PiecewiseLinearRate} by inverting its cumulative rate
 * (Çinlar's method for non-homogeneous Poisson processes: Law, <i>Simulation Modeling and
 * Analysis</i>, 5th ed., §8.6.2): gaps are unit exponentials (Poisson) or exactly 1 (uniform) in
 * cumulative-rate time, mapped back to clock time piece by piece; within a linear piece the
 * quadratic is solved in the cancellation-free form x = 2y / (r + sqrt(r^2 + 2ky)).
 *
 * <p>Mutable cursor; one per run. The simulator and the load generator use the same class, so the
 * same seed gives the same request times in both.
 */
public final class ArrivalStream {
    private final PiecewiseLinearRate rate;
    private final ArrivalProcess process;
    private final SplittableRandom random;
    private final double endSeconds;
    private double nowSeconds;
    private int piece;

    public ArrivalStream(PiecewiseLinearRate rate, ArrivalProcess process, SplittableRandom random, double endSeconds) {
        this.rate = rate;
        this.process = process;
        this.random = random;
        this.endSeconds = endSeconds;
    }

    /** The next request time in nanoseconds since the start, or {@link Long#MAX_VALUE} when the run is over. */
    public long nextNanos() {
        double y = process == ArrivalProcess.POISSON ? -Math.log(1.0 - random.nextDouble()) : 1.0;
        while (true) {
            double end = rate.endSeconds(piece);
            double k = rate.slope(piece);
            double r = rate.rateAt(nowSeconds, piece);
            double mass = Double.isInfinite(end) ? (r > 0 ? Double.POSITIVE_INFINITY : 0) : (r + rate.rateAt(end, piece)) / 2 * (end - nowSeconds);
            if (mass > 0 && y <= mass) {
                double denominator = r + Math.sqrt(Math.max(0, r * r + 2 * k * y));
                double x = denominator > 0 ? 2 * y / denominator : 0;
                nowSeconds = Math.min(nowSeconds + x, end);
                break;
            }
            if (Double.isInfinite(end) || end >= endSeconds) {
                nowSeconds = Double.POSITIVE_INFINITY;
                return Long.MAX_VALUE;
            }
            y -= mass;
            nowSeconds = end;
            piece++;
        }
        if (nowSeconds >= endSeconds) {
            nowSeconds = Double.POSITIVE_INFINITY;
            return Long.MAX_VALUE;
        }
        return (long) (nowSeconds * 1e9);
    }
}
