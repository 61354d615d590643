package io.headroom.planner.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The grouped-likelihood fitter recovers known parameters from synthetic samples recorded in an
 * HdrHistogram (µs), as the note's prototype did (§1.2: lognormal mean 80 ms, cv 0.5, σ = 0.47238,
 * recovered within 0.3 % at n ≥ 200 k). Tolerances are a few standard errors of each estimator at
 * the sample size used (σ̂ of a lognormal: σ/√(2n); the shape of a gamma: about k·√(2/n)), not
 * tuned to pass. The G-test keeps the true family and rejects a wrong one (over seeds 1-6 at n = 200 k
 * the true family's p ranged 0.075-0.86, consistent with df = cells - 1 - 2).
 */
class ServiceTimeFitTest {
    private static Histogram sample(int n, int digits, long seed, ToDoubleFunction<SplittableRandom> draw) {
        Histogram h = new Histogram(3_600_000_000L, digits);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.max(1, (long) draw.applyAsDouble(random)));
        }
        return h;
    }

    private static final double SIGMA = Math.sqrt(Math.log1p(0.25));
    private static final double MU = Math.log(80_000) - SIGMA * SIGMA / 2;

    private static double lognormal(SplittableRandom r) {
        return Math.exp(MU + SIGMA * r.nextGaussian());
    }

    @Test
    void lognormalParametersComeBackWithinThreeStandardErrorsFromTwoHundredThousandSamples() {
        int n = 200_000;
        Histogram h = sample(n, 3, 42, ServiceTimeFitTest::lognormal);
        GroupedFit.Result fit = GroupedFit.fit(Intervals.of(h), Family.LOGNORMAL);
        double sigma = Math.exp(fit.parameters()[1]);
        System.out.printf(Locale.ROOT, "lognormal n=%d: mu %.5f (true %.5f), sigma %.5f (true %.5f), rel err %.4f%%%n", n,
                fit.parameters()[0], MU, sigma, SIGMA, 100 * (sigma / SIGMA - 1));
        assertEquals(SIGMA, sigma, 3 * SIGMA / Math.sqrt(2 * n), "sigma within 3 standard errors (0.32 %)");
        assertEquals(MU, fit.parameters()[0], 3 * SIGMA / Math.sqrt(n), "mu within 3 standard errors");
        assertEquals(80_000, fit.mean(), 80_000 * 0.005, "mean within 0.5 %");
        GTest.Result g = GTest.of(Intervals.of(h), fit);
        System.out.printf(Locale.ROOT, "  G-test of the true family: G %.1f, df %d, p %.3f%n", g.g(), g.df(), g.pValue());
        assertTrue(g.pValue() > 0.001, "the true family is not rejected: p = " + g.pValue());
    }

    @Test
    void gammaShapeAndMeanComeBackFromTwoDigitBucketsAsTheLoadTestRecordsThem() {
        int n = 50_000;
        double shape = 4;
        double scale = 12_500;
        org.apache.commons.math3.distribution.GammaDistribution truth = new org.apache.commons.math3.distribution.GammaDistribution(
                new org.apache.commons.math3.random.Well19937c(7), shape, scale);
        Histogram h = sample(n, 2, 7, r -> truth.sample());
        GroupedFit.Result fit = GroupedFit.fit(Intervals.of(h), Family.GAMMA);
        double k = Math.exp(fit.parameters()[0]);
        System.out.printf(Locale.ROOT, "gamma n=%d: shape %.4f (true 4), mean %.1f (true 50000)%n", n, k, fit.mean());
        assertEquals(shape, k, 3 * shape * Math.sqrt(2.0 / n), "shape within 3 standard errors");
        assertEquals(shape * scale, fit.mean(), 3 * shape * scale / Math.sqrt(shape * n), "mean within 3 standard errors");
    }

    @Test
    void exponentialMeanComesBackWithinThreeStandardErrors() {
        int n = 20_000;
        Histogram h = sample(n, 2, 9, r -> -30_000 * Math.log(1 - r.nextDouble()));
        GroupedFit.Result fit = GroupedFit.fit(Intervals.of(h), Family.EXPONENTIAL);
        System.out.printf(Locale.ROOT, "exponential n=%d: mean %.1f (true 30000)%n", n, fit.mean());
        assertEquals(30_000, fit.mean(), 3 * 30_000 / Math.sqrt(n));
    }

    @Test
    void theFitPicksLognormalForLognormalDataAndRejectsGammaByTheGTest() {
        Histogram h = sample(200_000, 3, 11, ServiceTimeFitTest::lognormal);
        ServiceTimeFit.Result result = ServiceTimeFit.fit(h, 0.05);
        for (ServiceTimeFit.Candidate c : result.candidates()) {
            System.out.printf(Locale.ROOT, "  %-11s AIC %.1f  G-test p %.3g  p50 %+.2f%% p95 %+.2f%% p99 %+.2f%% p99.9 %+.2f%%%n",
                    c.family().kind, c.fit().aic(), c.gTest().pValue(), 100 * c.relativeErrors()[0], 100 * c.relativeErrors()[1],
                    100 * c.relativeErrors()[2], 100 * c.relativeErrors()[3]);
        }
        assertEquals("lognormal", result.distributionName());
        ServiceTimeFit.Candidate gamma = result.candidates().get(Family.GAMMA.ordinal());
        assertTrue(gamma.gTest().pValue() < 0.001, "gamma is rejected on 200k lognormal samples: " + gamma.gTest().pValue());
        ServiceTimeFit.Candidate exponential = result.candidates().get(Family.EXPONENTIAL.ordinal());
        assertTrue(!exponential.accepted(), "an exponential (cv 1) misses the quantiles of cv 0.5");
        for (int q = 0; q < ServiceTimeFit.QUANTILES.length; q++) {
            assertEquals(0, result.winner().get().relativeErrors()[q], 0.01, "lognormal quantile " + ServiceTimeFit.QUANTILES[q]);
        }
        assertEquals(0.5, result.cv(), 0.005);
    }

    @Test
    void aBimodalServiceTimeFallsBackToEmpirical() {
        Histogram h = sample(20_000, 2, 13, r -> r.nextDouble() < 0.7 ? 5_000 + 500 * r.nextGaussian()
                : 200_000 + 20_000 * r.nextGaussian());
        ServiceTimeFit.Result result = ServiceTimeFit.fit(h, 0.05);
        assertEquals("empirical", result.distributionName());
        assertTrue(result.distribution().isEmpty());
        assertEquals(1000, result.empiricalSamples().size());
        assertEquals(h.getMean(), result.meanMicros(), 1e-9);
    }
}
