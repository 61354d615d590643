package io.headroom.planner.queueing;

/**
 * Erlang's loss formula B(c, a): the probability that a Poisson arrival finds all {@code c}
 * servers busy in an M/M/c/c (or M/G/c/c) system with offered load {@code a} Erlangs.
 *
 * <p>Computed with the standard recursion B(0, a) = 1, B(k, a) = a·B(k−1, a) / (k + a·B(k−1, a)),
 * which needs no factorials and is numerically stable in doubles for any number of servers
 * (every step is a ratio of positive terms). Source: D. Gross and C. M. Harris, <i>Fundamentals
 * of Queueing Theory</i>, 3rd ed., Wiley 1998, §2.6; the recursion is also eq. (2.42) in
 * G. Giambene, <i>Queuing Theory and Telecommunications</i>, Springer 2005.
 */
public final class ErlangB {
    private ErlangB() {
    }

    /**
     * B(servers, offeredLoadErlangs).
     *
     * @param servers            c &ge; 0 (B(0, a) = 1)
     * @param offeredLoadErlangs a = λ/μ &ge; 0
     */
    public static double blocking(int servers, double offeredLoadErlangs) {
        if (servers < 0) {
            throw new IllegalArgumentException("servers must be >= 0 but was " + servers);
        }
        requireLoad(offeredLoadErlangs);
        return continued(1.0, 0, servers, offeredLoadErlangs);
    }

    /**
     * The recursion from B({@code from}, a) = {@code b} on to B({@code to}, a): the very operations
     * {@link #blocking} performs between those server counts, so a value it held there continues bit for bit
     * ({@link ErlangBCheckpoints}, {@link OrderedEntry}).
     */
    static double continued(double b, int from, int to, double offeredLoadErlangs) {
        double value = b;
        for (int k = from + 1; k <= to; k++) {
            double ab = offeredLoadErlangs * value;
            value = ab / (k + ab);
        }
        return value;
    }

    /** Refuses an offered load that is not a finite number &ge; 0. */
    static void requireLoad(double offeredLoadErlangs) {
        if (!(offeredLoadErlangs >= 0) || Double.isInfinite(offeredLoadErlangs)) {
            throw new IllegalArgumentException("offered load must be a finite number >= 0 but was " + offeredLoadErlangs);
        }
    }
}
