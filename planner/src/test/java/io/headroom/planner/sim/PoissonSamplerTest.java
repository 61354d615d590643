package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@link PoissonSampler} against the Poisson distribution as commons-math3 computes it (an independent
 * implementation: Loader's saddle-point pmf, the regularized gamma function for the cdf). Its tables must
 * match the distribution function to rounding, and its draws — a tabled mean plus a thinned rest — must have
 * the Poisson's frequencies, mean and variance for means on and between the tabled ones. 10⁶ draws a mean:
 * a frequency p has a standard error √(p(1 − p)/10⁶); the tolerance is 5 of them (no false alarm over
 * the ~150 cells checked: the chance of one is about 10⁻⁴); the mean's and the variance's likewise 5.
 */
class PoissonSamplerTest {
    private static final int DRAWS = 1_000_000;

    @Test
    void tablesMatchThePoissonDistributionFunction() {
        for (double mean : new double[] {0.125, 1, 4.5, 12.25, 29.875}) {
            PoissonDistribution theory = new PoissonDistribution(null, mean, 1e-15, 10_000_000);
            double[] cdf = PoissonSampler.distributionFunction(mean);
            for (int k = 0; k < cdf.length - 1; k++) {
                assertEquals(theory.cumulativeProbability(k), cdf[k], 1e-13, "F(" + k + ") at mean " + mean);
            }
            assertEquals(1, theory.cumulativeProbability(cdf.length - 1), 1e-15, "the table ends where the tail is negligible, mean " + mean);
        }
    }

    @Test
    void drawsHaveThePoissonFrequenciesMeanAndVariance() {
        // on a table (1, 12.25), between tables (0.05, 2.3, 7.77, 29.99), and the smallest and largest rests
        for (double mean : new double[] {0.05, 1, 2.3, 7.77, 12.25, 12.25 + 1e-9, 29.99}) {
            PoissonSampler sampler = new PoissonSampler(new SplittableRandom(Double.doubleToLongBits(mean)));
            PoissonDistribution theory = new PoissonDistribution(null, mean, 1e-15, 10_000_000);
            int[] counts = new int[200];
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < DRAWS; i++) {
                double k = sampler.next(mean);
                assertEquals(Math.rint(k), k, 0, "an integer count");
                counts[(int) k]++;
                sum += k;
                squares += k * k;
            }
            double sampleMean = sum / DRAWS;
            double sampleVariance = (squares - DRAWS * sampleMean * sampleMean) / (DRAWS - 1);
            assertEquals(mean, sampleMean, 5 * Math.sqrt(mean / DRAWS), "mean at " + mean);
            // the sample variance's variance is (μ + 2μ²)/n for a Poisson count (fourth cumulant μ)
            assertEquals(mean, sampleVariance, 5 * Math.sqrt((mean + 2 * mean * mean) / DRAWS), "variance at " + mean);
            for (int k = 0; k < counts.length; k++) {
                double p = theory.probability(k);
                if (p < 1e-5) {
                    continue;
                }
                double error = Math.sqrt(p * (1 - p) / DRAWS);
                assertEquals(p, counts[k] / (double) DRAWS, 5 * error, "P(" + k + ") at mean " + mean);
            }
        }
    }
}
