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
 * on a static deployment of 32 one-second slots (500 ms max wait) below, near and past full load:
 * <ul>
 *   <li>the share of seconds that have a 503 is within 20 % of DES's (4 seeds);</li>
 *   <li>the renewal model the renderer is built on, S(q, L) from DES's own share q of seconds with
 *       503s and its mean run length L, predicts DES's share of seconds inside a window within 0.05;</li>
 *   <li>the fast timeline (the typical run) is inside a window most of the time iff most DES
 *       seconds are (loads chosen away from the boundary, where DES is at 0.18, 0.31 and 0.80).</li>
 * </ul>
 * Measured (session 7, runs at the mean gap since the last run): seconds with a 503 DES 0.11 / 0.18 /
 * 0.52, fast 0.12 / 0.19 / 0.54 (carried rounding alone: 0.49 / 0.90 / 1.00); inside a window DES
 * 0.16 / 0.29 / 0.78, fast 0.12 / 0.19 / 1.00 (rounding: 1.00 at all three).
 */
class FastEngineBurstsTest {
    private static final int WARM_UP_SECONDS = 60;

    @ParameterizedTest(name = "load {0}")
    @CsvSource({"0.93", "0.97", "1.10"})
    void secondsWith503AndSecondsInAWindowMatchTheDiscreteEventEngine(double load) {
        double desWith503 = 0;
        double desInWindow = 0;
        double desRunSeconds = 0;
        List<Long> seeds = RunSpread.seeds(11, 4);
        for (long seed : seeds) {
            SimulationResult des = Simulator.run(TestScenarios.mmc(32, 32 * load, Duration.ofSeconds(1), Duration.ofMillis(500),
                    Duration.ofMinutes(20), seed), SimulationEngine.DES);
            desWith503 += shareWith503(des) / seeds.size();
            desInWindow += shareInWindow(des) / seeds.size();
            desRunSeconds += runSeconds(des) / seeds.size();
        }
        SimulationResult fast = Simulator.run(TestScenarios.mmc(32, 32 * load, Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofMinutes(20), 11), SimulationEngine.FAST);
        double predicted = BurstRenderer.insideShare(desWith503, desRunSeconds, io.headroom.planner.timeline.Windows.DEFAULT_MERGE_GAP_SECONDS);
        String facts = String.format(Locale.ROOT, "with a 503: des %.3f fast %.3f; runs des %.2f s; in a window: des %.3f (renewal model %.3f)"
                + " fast %.3f", desWith503, shareWith503(fast), desRunSeconds, desInWindow, predicted, shareInWindow(fast));
        assertEquals(desWith503, shareWith503(fast), 0.20 * desWith503, facts);
        assertEquals(desInWindow, predicted, 0.05, facts);
        assertEquals(desInWindow > 0.5, shareInWindow(fast) > 0.5, facts);
    }

    private static double shareWith503(SimulationResult run) {
        List<TimelineRow> rows = run.timeline();
        return rows.subList(WARM_UP_SECONDS, rows.size()).stream().filter(r -> r.rejected503() > 0).count()
                / (double) (rows.size() - WARM_UP_SECONDS);
    }

    /** Mean length of the runs of consecutive seconds with 503s. */
    private static double runSeconds(SimulationResult run) {
        List<TimelineRow> rows = run.timeline();
        long seconds = 0;
        long runs = 0;
        for (int t = WARM_UP_SECONDS; t < rows.size(); t++) {
            if (rows.get(t).rejected503() > 0) {
                seconds++;
                if (rows.get(t - 1).rejected503() == 0) {
                    runs++;
                }
            }
        }
        return seconds / (double) Math.max(1, runs);
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
