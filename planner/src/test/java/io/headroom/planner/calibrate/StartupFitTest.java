package io.headroom.planner.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The interval-censored startup fit recovers a known lognormal startup (median 45 s, σ 0.3, the
 * note's §1.4 prototype) from desired/ready counts sampled every 1 s or 15 s, with scale decisions
 * spread over the first seconds of the step and misaligned with the sampling grid. The tolerance is
 * three standard errors of ln(median) for n exact observations, 3σ/√n (censoring to 1–15 s of a
 * 45 s startup adds little, as the prototype found).
 */
class StartupFitTest {
    private static final double MU = Math.log(45);
    private static final double SIGMA = 0.3;

    /** n replicas decided over the first 5 s after a step at a random phase, sampled every grain for 200 s. */
    private static List<StartupFit.Sample> series(int n, double grain, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double step = 10 + random.nextDouble() * grain;
        double[] decided = new double[n];
        double[] ready = new double[n];
        for (int j = 0; j < n; j++) {
            decided[j] = step + random.nextDouble() * 5;
            ready[j] = decided[j] + Math.exp(MU + SIGMA * random.nextGaussian());
        }
        List<StartupFit.Sample> samples = new ArrayList<>();
        for (double t = 0; t <= 200; t += grain) {
            int d = 2;
            int r = 2;
            for (int j = 0; j < n; j++) {
                d += decided[j] <= t ? 1 : 0;
                r += ready[j] <= t ? 1 : 0;
            }
            samples.add(new StartupFit.Sample(t, d, r));
        }
        return samples;
    }

    private static void recovers(int n, double grain, long seed) {
        StartupFit.Result result = StartupFit.fit(series(n, grain, seed)).orElseThrow();
        GroupedFit.Result lognormal = result.fits().stream().filter(f -> f.family() == Family.LOGNORMAL).findFirst().orElseThrow();
        double median = lognormal.quantile(0.5);
        System.out.printf(Locale.ROOT, "startup n=%d grain=%.0fs: median %.2f s (true 45), sigma %.3f (true 0.3), best %s%n", n,
                grain, median, Math.exp(lognormal.parameters()[1]), result.best().family().kind);
        assertEquals(n, result.startups());
        assertEquals(grain, result.grainSeconds(), 1e-9);
        assertEquals(MU, Math.log(median), 3 * SIGMA / Math.sqrt(n), "ln(median) within 3 standard errors");
    }

    @Test
    void fortyStartupsSampledEverySecondGiveTheMedian() {
        recovers(40, 1, 1);
    }

    @Test
    void fortyStartupsSampledEveryFifteenSecondsGiveTheMedian() {
        recovers(40, 15, 2);
    }

    @Test
    void fourHundredStartupsNarrowTheMedianAndTheSpread() {
        recovers(400, 1, 3);
        StartupFit.Result result = StartupFit.fit(series(400, 1, 3)).orElseThrow();
        GroupedFit.Result lognormal = result.fits().stream().filter(f -> f.family() == Family.LOGNORMAL).findFirst().orElseThrow();
        assertEquals(SIGMA, Math.exp(lognormal.parameters()[1]), 3 * SIGMA / Math.sqrt(2 * 400) + 0.02,
                "sigma within 3 standard errors plus the FIFO matching's blur (decisions spread over 5 s)");
    }

    @Test
    void replicasStillStartingAtTheEndAreRightCensoredNotDropped() {
        List<StartupFit.Sample> s = series(40, 1, 4).subList(0, 56);
        StartupFit.Result result = StartupFit.fit(s).orElseThrow();
        assertTrue(result.stillStarting() > 0, "some are still starting 55 s in");
        assertEquals(40, result.startups() + result.stillStarting());
    }
}
