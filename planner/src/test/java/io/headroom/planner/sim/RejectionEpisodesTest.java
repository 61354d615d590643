package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.timeline.TimelineRow;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RejectionEpisodes}: the closed forms it reduces to, and its two numbers against the
 * discrete-event engine on static M/M/c+D deployments (no autoscaler), where nothing but the queue
 * makes the bursts: the mean 503s of a second that has any (B), and how many such seconds come in a
 * row (L). Measured when this was written (4 seeds × 19 min): c = 32, 97 %: B 5.04 (theory 4.73),
 * L 2.22 (2.18); c = 100, 98 %: 9.15 (8.07), 2.08 (2.14); c = 10 of 200 ms, 95 %: 5.88 (5.33), 1.93
 * (2.35 with the wall at K; 2.2 without); c = 32, 110 %: 7.07 (6.66), 3.45 (3.63).
 */
class RejectionEpisodesTest {
    private static final int SEEDS = 4;
    private static final int WARM_UP_SECONDS = 60;

    @Test
    void withoutDriftAndWallASecondWithA503HoldsSigmaTimesRootPiOverEight() {
        // λ = cμ = 50/s, cv 1: σ² = 100; K = 50·1000 s is no wall
        RejectionEpisodes.Shape shape = RejectionEpisodes.of(50, 50, 1, 1000);
        assertEquals(10 * Math.sqrt(Math.PI / 8), shape.perSecond(), 1e-3 * shape.perSecond());
        assertEquals(1 / (Math.sqrt(2) - 1), shape.seconds(), 1e-3 * shape.seconds());
    }

    @Test
    void hitIntegralMatchesTheDriftlessClosedForm() {
        // m = 0: ∫₀^∞ 2Φ(−y/(σ√w)) dy = 2σ√w·φ(0) = σ√(2w/π)
        double sigma = 7;
        for (double w : new double[] {1, 2, 5}) {
            assertEquals(sigma * Math.sqrt(2 * w / Math.PI), RejectionEpisodes.hitIntegral(0, sigma * sigma, Double.POSITIVE_INFINITY, w),
                    1e-4 * sigma);
        }
    }

    @ParameterizedTest(name = "m {0}, σ² {1}, K {2}, w {3}")
    @CsvSource({"1, 63, 16, 1", "1, 63, 16, 2", "-3.2, 67, 16, 1", "0.4, 15.6, 4, 2", "30, 200, 1e9, 1", "-30, 200, 50, 2", "1e-9, 50, 25, 1"})
    void hitIntegralsClosedFormMatchesSimpsonsRule(double drift, double variance, double k, double w) {
        double spread = Math.sqrt(variance * w);
        double upper = Math.min(k, Math.abs(drift) * w + 12 * spread);
        int n = 4000;
        double h = upper / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double y = i * h;
            double f = Math.exp(2 * drift * y / variance) * RejectionEpisodes.phi((-y - drift * w) / spread)
                    + RejectionEpisodes.phi((-y + drift * w) / spread);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        double simpson = sum * h / 3;
        assertEquals(simpson, RejectionEpisodes.hitIntegral(drift, variance, k, w), 1e-6 * simpson);
    }

    @Test
    void logPhisAsymptoticSeriesAgreesWithTheDistributionFunctionWhereItTakesOver() {
        // the series is used below −30, where erfc still has digits to compare with
        assertEquals(Math.log(RejectionEpisodes.phi(-30.001)), RejectionEpisodes.logPhi(-30.001), 1e-6);
        assertTrue(Double.isFinite(RejectionEpisodes.logPhi(-400)));
    }

    @Test
    void aSecondWithA503HoldsNoMoreThanTheSecondsArrivals() {
        // 2 requests a second at full load, service cv 3, 30 s max wait: without drift and for a large K the diffusion's
        // B is σ·√(π/8) = 2.8 (σ² = 2 + 2·3²), more than the 2 a second receives
        assertTrue(Math.sqrt((2 + 2 * 9) * Math.PI / 8) > 2);
        assertEquals(2, RejectionEpisodes.of(2, 2, 3, 30).perSecond(), 1e-12);
        assertTrue(RejectionEpisodes.of(1e6, 0.5e6, 1, 30).perSecond() < 1e6);
    }

    @Test
    void withNoCapacityEveryArrivalOfTheSecondIsOneEpisode() {
        RejectionEpisodes.Shape shape = RejectionEpisodes.of(40, 0, 1, 0.5);
        assertEquals(40, shape.perSecond());
        assertEquals(1, shape.seconds());
    }

    /** Tolerances: B within 15 %, L within 20 % (the diffusion of a birth–death chain; the geometric runs). */
    @ParameterizedTest(name = "c {0}, E[S] {1} ms, load {2}")
    @CsvSource({"32, 1000, 0.97", "100, 1000, 0.98", "10, 200, 0.95", "32, 1000, 1.10"})
    void burstsOfTheDiscreteEventEngineHaveTheDiffusionsSizeAndLength(int slots, long serviceMillis, double load) {
        Duration meanService = Duration.ofMillis(serviceMillis);
        Duration maxWait = Duration.ofMillis(500);
        long rejected = 0;
        long secondsWith503 = 0;
        long runs = 0;
        for (long seed : RunSpread.seeds(7, SEEDS)) {
            Scenario scenario = TestScenarios.mmc(slots, slots * load, meanService, maxWait, Duration.ofMinutes(20), seed);
            List<TimelineRow> rows = Simulator.run(scenario, SimulationEngine.DES).timeline();
            for (int t = WARM_UP_SECONDS; t < rows.size(); t++) {
                long k = rows.get(t).rejected503();
                rejected += k;
                if (k > 0) {
                    secondsWith503++;
                    if (rows.get(t - 1).rejected503() == 0) {
                        runs++;
                    }
                }
            }
        }
        double capacity = slots / (serviceMillis / 1000.0);
        RejectionEpisodes.Shape theory = RejectionEpisodes.of(capacity * load, capacity, 1, maxWait.toNanos() / 1e9);
        double perSecond = rejected / (double) secondsWith503;
        double seconds = secondsWith503 / (double) runs;
        String facts = String.format(Locale.ROOT, "DES B %.2f L %.2f, theory B %.2f L %.2f (%d runs)", perSecond, seconds,
                theory.perSecond(), theory.seconds(), runs);
        assertTrue(runs >= 100, facts);
        assertEquals(perSecond, theory.perSecond(), 0.15 * perSecond, facts);
        assertEquals(seconds, theory.seconds(), 0.20 * seconds, facts);
    }
}
