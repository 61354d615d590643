package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link QueueFill} against what a reflected Brownian motion on [0, K] does: steady state gives the factor 1; with no
 * drift an empty queue fills as the eigenfunction expansion says; with a drift it fills in the fluid time K/(λ − cμ).
 */
class QueueFillTest {
    private static final double STEP = 0.1;

    /** A run starts empty (factor 0 at a load that fills); once the queue has had many K²/σ² (here 126 s) it is 1. */
    @Test
    void fromEmptyToSteadyStateWhereTheFactorIsOne() {
        QueueFill fill = new QueueFill(1, 0.5, STEP);
        assertTrue(fill.advance(990, 1000) < 1e-6, "a run starts with the queue empty");
        assertTrue(fill.waitScale() < 0.05, "an empty queue's waits: " + fill.waitScale());
        for (int i = 0; i < 20_000; i++) {
            fill.advance(990, 1000);
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(1, fill.advance(990, 1000), 1e-6, "step " + i);
            assertEquals(1, fill.waitScale(), 1e-6, "step " + i);
        }
    }

    @Test
    void aQueueTooSmallToFillIsLeftAlone() {
        QueueFill fill = new QueueFill(1, 0.5, STEP);
        // K = 6 slots / 2 s × 0.5 s = 1.5 requests
        assertEquals(1, fill.advance(1, 3), 0);
        assertEquals(1, fill.advance(30, 3), 0);
    }

    /**
     * No drift (λ = cμ): from an empty queue the density at K is (1/K)·(1 + 2Σₙ (−1)ⁿ e^{−n²t/τ}), τ = 2K²/(π²σ²)
     * (the cosine series of the heat equation with reflecting ends; D. R. Cox and H. D. Miller, <i>The Theory of
     * Stochastic Processes</i>, 1965, §5.7), and the steady density is 1/K, so the factor is the bracket.
     * K = 400, σ² = 1600 per second: τ = 20.3 s. Within 0.02 at 10, 20 and 40 s.
     */
    @Test
    void withoutDriftAnEmptyQueueFillsAsTheCosineSeries() {
        QueueFill fill = new QueueFill(1, 0.5, STEP);
        for (int i = 0; i < 300; i++) {
            fill.advance(100, 800);
        }
        assertTrue(fill.topShare() < 1e-6, "empty first: " + fill.topShare());
        double tau = 2 * 400.0 * 400 / (Math.PI * Math.PI * 1600);
        double factor = 0;
        for (int step = 1; step <= 400; step++) {
            factor = fill.advance(800, 800);
            double t = step * STEP;
            if (step == 100 || step == 200 || step == 400) {
                double series = 1;
                for (int n = 1; n <= 50; n++) {
                    series += 2 * (n % 2 == 0 ? 1 : -1) * Math.exp(-n * n * t / tau);
                }
                System.out.printf(java.util.Locale.ROOT, "queue fill without drift, t = %.0f s: factor %.4f (cosine series %.4f)%n", t, factor, series);
                assertEquals(series, factor, 0.02, "t = " + t + " s");
            }
        }
        assertTrue(factor > 0.7 && factor < 1, "near full after 2τ: " + factor);
    }

    /** A drift of 80 requests a second into K = 400: the queue reaches K after about K/(λ − cμ) = 5 s; the factor crosses ½ within 20 % of it. */
    @Test
    void withADriftTheQueueFillsInTheFluidTime() {
        QueueFill fill = new QueueFill(1, 0.5, STEP);
        for (int i = 0; i < 300; i++) {
            fill.advance(100, 800);
        }
        double crossed = Double.NaN;
        for (int step = 1; step <= 300 && Double.isNaN(crossed); step++) {
            if (fill.advance(880, 800) >= 0.5) {
                crossed = step * STEP;
            }
        }
        System.out.printf(java.util.Locale.ROOT, "queue fill with drift 80/s into K = 400: factor 1/2 at %.1f s (fluid time 5 s)%n", crossed);
        assertEquals(5, crossed, 1, "the factor crossed 1/2 at " + crossed + " s");
    }

    /**
     * The waits while the queue fills: 80 requests a second more than cμ = 800 into K = 400 from an almost empty queue.
     * A joiner waits the content over cμ; the content is a Brownian motion with drift m = 80 and σ² = 1,680 reflected at
     * 0, whose mean from 0 is mt + E[max over [0, t] of a Brownian motion with drift −m] (Skorokhod's reflection; the
     * maximum's tail P(M_t > a) = Φ((−a − mt)/(σ√t)) + e^{−2ma/σ²} Φ((−a + mt)/(σ√t)), integrated by Simpson's rule):
     * 106.4 at 1.2 s and 210.5 at 2.5 s. The steady content's mean is K less the exponential's mean distance below it,
     * σ²/(2m) = 10.5. So the factor on the stationary waits is E[X_t]/389.5: 0.273 and 0.540, within 5 %.
     */
    @Test
    void whileTheQueueFillsItsWaitsAreTheContentsShareOfTheSteadyOnes() {
        QueueFill fill = new QueueFill(1, 0.5, STEP);
        for (int i = 0; i < 300; i++) {
            fill.advance(100, 800);
        }
        for (int step = 1; step <= 25; step++) {
            fill.advance(880, 800);
            double t = step * STEP;
            if (step == 12 || step == 25) {
                double theory = reflectedMean(80, 1680, t) / (400 - 1680.0 / 160);
                System.out.printf(java.util.Locale.ROOT, "queue fill, drift 80/s into K = 400, t = %.1f s: wait factor %.3f (reflected Brownian motion %.3f)%n",
                        t, fill.waitScale(), theory);
                assertEquals(theory, fill.waitScale(), 0.05 * theory, "t = " + t + " s");
            }
        }
    }

    /** E[X_t] of a Brownian motion with drift m and variance σ² per second reflected at 0, from 0. */
    private static double reflectedMean(double m, double variance, double t) {
        double sd = Math.sqrt(variance * t);
        double top = 10 * sd;
        int n = 4000;
        double h = top / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double a = i * h;
            double tail = RejectionEpisodes.phi((-a - m * t) / sd) + Math.exp(-2 * m * a / variance) * RejectionEpisodes.phi((-a + m * t) / sd);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * tail;
        }
        return m * t + sum * h / 3;
    }
}
