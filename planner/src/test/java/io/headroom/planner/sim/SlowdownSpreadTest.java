package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.scenario.Service;
import java.time.Duration;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@link SlowdownSpread} against the distribution it states: the others a start finds are Poisson
 * (commons-math's pmf), capped where the slots end; the factors' mean is moved to the fluid's.
 */
class SlowdownSpreadTest {
    private static Service service(int concurrency, double slowdown) {
        return new Service(new ExponentialDistribution(Duration.ofMillis(100)), concurrency, Duration.ofSeconds(1), Duration.ofHours(1), 0,
                new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT).withSlowdown(slowdown);
    }

    /**
     * One replica of 8 slots, b 0.25: each count n has its own bin, at 1 + b·n, with Poisson's probability; 7 holds the
     * tail; and their mean is the one asked for.
     */
    @Test
    void aSmallMeanIsPoissonTermByTermWithTheTailAtTheCap() {
        Service s = service(8, 0.25);
        SlowdownSpread spread = new SlowdownSpread(s);
        double m = 1.33;
        PoissonDistribution poisson = new PoissonDistribution(null, m, 1e-12, 10_000);
        double mean = 0;
        for (int n = 0; n <= 7; n++) {
            double p = n < 7 ? poisson.probability(n) : 1 - poisson.cumulativeProbability(6);
            mean += p * s.slowdownFactor(n + 1);
        }
        spread.of(m, 7, 1, mean);
        double total = 0;
        for (int n = 0; n <= 7; n++) {
            double factor = 1 + 0.25 * n;
            int bin = binOf(spread, factor);
            double p = n < 7 ? poisson.probability(n) : 1 - poisson.cumulativeProbability(6);
            // the mean is kept on a grid of 0.2 %: each probability within 1 % of Poisson's at 1.33
            assertEquals(p, spread.weight(bin), 0.01 * p, "P(N = " + n + ")");
            assertEquals(factor, spread.weightedFactor(bin) / spread.weight(bin), 0.002 * factor, "factor of N = " + n);
            total += spread.weight(bin);
        }
        assertEquals(1, total, 1e-9);
    }

    /** The mean is moved to the fluid's factor, and no factor falls below 1 (a request never runs faster than drawn). */
    @Test
    void theMeanIsTheFluidsAndNoFactorIsBelowOne() {
        SlowdownSpread spread = new SlowdownSpread(service(4, 0.2));
        spread.of(1.5, 3, 1, 1.25);
        double weight = 0;
        double weighted = 0;
        for (int b = 0; b < SlowdownSpread.BINS; b++) {
            weight += spread.weight(b);
            weighted += spread.weightedFactor(b);
            assertTrue(spread.weightedFactor(b) >= spread.weight(b) - 1e-12, "bin " + b + " below 1");
        }
        assertEquals(1, weight, 1e-9);
        assertEquals(1.25, weighted, 1e-9);
    }

    /**
     * A large mean is normal: behind the central queue 100 replicas of 8 slots with 400 busy, (N + 1) / 100 has
     * standard deviation √400 / 100 = 0.2, so the factor 1 + b·((N + 1)/100 − 1) has b·0.2 (b 0.5: 0.1), within 2 %.
     */
    @Test
    void aLargeMeanIsNormalWithPoissonsVariance() {
        double b = 0.5;
        SlowdownSpread spread = new SlowdownSpread(service(8, b));
        double fluid = 1 + b * (401 / 100.0 - 1);
        spread.of(400, 799, 100, fluid);
        double mean = 0;
        double square = 0;
        for (int i = 0; i < SlowdownSpread.BINS; i++) {
            if (spread.weight(i) > 0) {
                double f = spread.weightedFactor(i) / spread.weight(i);
                mean += spread.weightedFactor(i);
                square += spread.weight(i) * f * f;
            }
        }
        assertEquals(fluid, mean, 1e-9);
        // the bins keep each one's mean, not its spread: the variance between bins is the variance, less the width's share
        assertEquals(b * 0.2, Math.sqrt(square - mean * mean), 0.02 * b * 0.2);
    }

    private static int binOf(SlowdownSpread spread, double factor) {
        for (int b = 0; b < SlowdownSpread.BINS; b++) {
            if (spread.weight(b) > 0 && Math.abs(spread.weightedFactor(b) / spread.weight(b) - factor) < 0.002 * factor) {
                return b;
            }
        }
        throw new AssertionError("no bin holds factor " + factor);
    }
}
