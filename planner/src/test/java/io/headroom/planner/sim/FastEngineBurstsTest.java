package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Window;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast engine's 503s come in bursts like the discrete-event engine's ({@link BurstRenderer}):
 * on a static deployment of 32 one-second slots (500 ms max wait) near and past full load, the share
 * of seconds that have a 503 is within 20 % of DES's (4 seeds), and the share of seconds inside a
 * window within 0.15 of it. Measured when this was written: at 97 % load, seconds with a 503 DES
 * 0.200, fast 0.179; inside a window DES 0.308, fast 0.179 (the carried rounding alone gave 0.90
 * and 1.00); at 102 % 0.313 / 0.339 and 0.489 / 0.426 (rounding: 1.00 and 1.00).
 */
class FastEngineBurstsTest {
    private static final int WARM_UP_SECONDS = 60;

    @ParameterizedTest(name = "load {0}")
    @CsvSource({"0.97", "1.02"})
    void secondsWith503AndSecondsInAWindowMatchTheDiscreteEventEngine(double load) {
        double desWith503 = 0;
        double desInWindow = 0;
        List<Long> seeds = RunSpread.seeds(11, 4);
        for (long seed : seeds) {
            SimulationResult des = Simulator.run(TestScenarios.mmc(32, 32 * load, Duration.ofSeconds(1), Duration.ofMillis(500),
                    Duration.ofMinutes(20), seed), SimulationEngine.DES);
            desWith503 += shareWith503(des) / seeds.size();
            desInWindow += shareInWindow(des) / seeds.size();
        }
        SimulationResult fast = Simulator.run(TestScenarios.mmc(32, 32 * load, Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofMinutes(20), 11), SimulationEngine.FAST);
        String facts = String.format(Locale.ROOT, "with a 503: des %.3f fast %.3f; in a window: des %.3f fast %.3f", desWith503,
                shareWith503(fast), desInWindow, shareInWindow(fast));
        assertEquals(desWith503, shareWith503(fast), 0.20 * desWith503, facts);
        assertEquals(desInWindow, shareInWindow(fast), 0.15, facts);
    }

    private static double shareWith503(SimulationResult run) {
        List<TimelineRow> rows = run.timeline();
        return rows.subList(WARM_UP_SECONDS, rows.size()).stream().filter(r -> r.rejected503() > 0).count()
                / (double) (rows.size() - WARM_UP_SECONDS);
    }

    private static double shareInWindow(SimulationResult run) {
        int seconds = run.timeline().size();
        int inside = 0;
        for (Window w : run.summary().windows()) {
            inside += Math.max(0, Math.min(w.endSecond(), seconds) - Math.max(w.startSecond(), WARM_UP_SECONDS));
        }
        return inside / (double) (seconds - WARM_UP_SECONDS);
    }
}
