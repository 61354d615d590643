package io.headroom.planner.sim;

import java.util.SplittableRandom;

/**
 * Poisson counts for {@link SampledQueue}, exact below a mean of {@value #EXPANSION_FROM} and cheap at every
 * mean. A count of mean μ below it is the sum of a Poisson count of the tabled mean jδ (j = ⌊μ/δ⌋, δ =
 * 1/{@value #PER_UNIT}) and one of the rest r = μ − jδ &lt; δ (Poisson counts add), the rest drawn by thinning a
 * tabled Poisson(δ) count with probability r/δ (a Poisson count whose requests each stay with probability p
 * is Poisson of p times the mean). Each tabled count is inversion of its distribution function through a
 * guide table (H.-C. Chen and Y. Asau, "On generating random variates from an empirical distribution", AIIE
 * Transactions 6(2), 1974): about one comparison per draw, no exponential, no loop over the count. So a draw
 * takes two uniforms (plus about one in eight a third) instead of an exponential and a loop as long as the
 * mean. The tables (up to mean {@value #EXPANSION_FROM}, each to a tail under 1e-16) are built once per JVM.
 * From {@value #EXPANSION_FROM} on: the Cornish–Fisher expansion μ + √μ·Z + (Z² − 1)/6 (E. A. Cornish and R.
 * A. Fisher, Revue de l'Institut International de Statistique 5(4), 1938), a continuous value with the
 * Poisson's first three cumulants. Mutable (the random stream), one thread; no allocation.
 */
final class PoissonSampler {
    static final double EXPANSION_FROM = 30;
    /** Tabled means per unit of mean: δ = 1/8. A power of two, so that μ/δ and its fraction are exact. */
    static final int PER_UNIT = 8;
    private static final int TABLES = (int) EXPANSION_FROM * PER_UNIT + 1;
    private static final double TAIL = 1e-16;
    /** Every table's distribution function, one after the other; the last entry of each is 1. */
    private static final double[] CDF;
    private static final int[] CDF_START = new int[TABLES];
    private static final int[] CDF_LENGTH = new int[TABLES];
    /** Every table's guide: for u in [i/n, (i + 1)/n), the answer is at least guide[i] (n = the table's length). */
    private static final int[] GUIDE;

    static {
        double[][] tables = new double[TABLES][];
        int total = 0;
        for (int j = 0; j < TABLES; j++) {
            tables[j] = distributionFunction(j / (double) PER_UNIT);
            CDF_START[j] = total;
            CDF_LENGTH[j] = tables[j].length;
            total += tables[j].length;
        }
        CDF = new double[total];
        GUIDE = new int[total];
        for (int j = 0; j < TABLES; j++) {
            double[] cdf = tables[j];
            int start = CDF_START[j];
            System.arraycopy(cdf, 0, CDF, start, cdf.length);
            int k = 0;
            for (int i = 0; i < cdf.length; i++) {
                while (cdf[k] < i / (double) cdf.length) {
                    k++;
                }
                GUIDE[start + i] = k;
            }
        }
    }

    /** P(a Poisson(δ) count is 0): most rests need no table. */
    private static final double REST_NONE = CDF[CDF_START[1]];

    private final SplittableRandom random;

    PoissonSampler(SplittableRandom random) {
        this.random = random;
    }

    /** A Poisson count of mean {@code mean} (0 for a mean of 0 or less). */
    double next(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= EXPANSION_FROM) {
            double z = random.nextGaussian();
            return Math.max(0, mean + Math.sqrt(mean) * z + (z * z - 1) / 6);
        }
        double scaled = mean * PER_UNIT;
        int j = (int) scaled;
        double kept = scaled - j;
        long count = j == 0 ? 0 : tabled(j, random.nextDouble());
        double v = random.nextDouble();
        if (kept > 0 && v > REST_NONE) {
            for (long rest = tabled(1, v); rest > 0; rest--) {
                if (random.nextDouble() < kept) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The smallest k with u ≤ F(k), F table {@code j}'s distribution function. */
    private static long tabled(int j, double u) {
        int start = CDF_START[j];
        int k = GUIDE[start + (int) (u * CDF_LENGTH[j])];
        while (u > CDF[start + k]) {
            k++;
        }
        return k;
    }

    /** F(0), F(1), … of the Poisson distribution of mean {@code mean}, up to a tail under {@link #TAIL}, then 1. */
    static double[] distributionFunction(double mean) {
        double[] cdf = new double[16];
        double p = Math.exp(-mean);
        double sum = p;
        int k = 0;
        while (!(k >= mean && p < TAIL) && 1 - sum > TAIL / 2) {
            if (k + 1 == cdf.length) {
                cdf = java.util.Arrays.copyOf(cdf, 2 * cdf.length);
            }
            cdf[k] = sum;
            k++;
            p *= mean / k;
            sum += p;
        }
        cdf[k] = 1;
        return java.util.Arrays.copyOf(cdf, k + 1);
    }
}
