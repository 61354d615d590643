package io.headroom.planner.queueing;

/**
 * The Allen–Cunneen approximation for a G/G/c queue, used here with Poisson arrivals (arrival
 * cv = 1) and a general service time of coefficient of variation {@code cv}:
 * Wq(M/G/c) ≈ Wq(M/M/c) · (1 + cv²) / 2.
 *
 * <p>Source: A. O. Allen, <i>Probability, Statistics, and Queueing Theory with Computer Science
 * Applications</i>, 2nd ed., Academic Press 1990, §6 (Allen–Cunneen formula); also D. Gross and
 * C. M. Harris, <i>Fundamentals of Queueing Theory</i>, 3rd ed., 1998, §7.
 *
 * <p>headroom also applies the same factor to the <em>tail</em> of the wait: the conditional wait
 * of a delayed request is taken as exponential with its mean scaled by this factor. That extension
 * is an approximation (exact for cv = 1, reasonable for moderate cv, optimistic for heavy tails).
 */
public final class AllenCunneen {
    private AllenCunneen() {
    }

    /** (1 + cv²) / 2: 1 for exponential service, 1/2 for constant service. */
    public static double waitScale(double serviceCv) {
        if (!(serviceCv >= 0) || Double.isInfinite(serviceCv)) {
            throw new IllegalArgumentException("service cv must be a finite number >= 0 but was " + serviceCv);
        }
        return (1 + serviceCv * serviceCv) / 2;
    }
}
