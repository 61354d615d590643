package io.headroom.planner.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slowdown regression recovers S₁ and b from runs whose mean latencies follow the model's
 * closed form, W = S₁·(1 + b·((λW + 1)/R − 1)) solved for W (exact data: recovered to 1e-9), calls
 * a load-independent service parallel, and refuses runs at one load level.
 */
class SlowdownFitTest {
    /** The fixed point W of the model for rate λ on R replicas. */
    private static double latency(double s1, double b, double rate, double replicas) {
        return s1 * (1 + b * (1 / replicas - 1)) / (1 - s1 * b * rate / replicas);
    }

    private static List<SlowdownFit.Run> runs(double s1, double b, double replicas, double... rates) {
        List<SlowdownFit.Run> runs = new ArrayList<>();
        for (double rate : rates) {
            runs.add(new SlowdownFit.Run("r" + rate, rate, latency(s1, b, rate, replicas), replicas));
        }
        return runs;
    }

    @Test
    void exactRunsOfASlowingReplicaGiveBackItsParameters() {
        SlowdownFit.Result r = SlowdownFit.fit(runs(0.1, 0.25, 1, 5, 10, 15));
        assertEquals(0.1, r.serviceAtOneSeconds(), 1e-9);
        assertEquals(0.25, r.slowdown(), 1e-9);
        assertTrue(r.slowsDown());
        assertEquals(0.25, r.modelSlowdown(), 1e-9);
    }

    @Test
    void severalReplicasShareTheLoadInTheModel() {
        SlowdownFit.Result r = SlowdownFit.fit(runs(0.2, 0.4, 3, 5, 15, 25));
        assertEquals(0.2, r.serviceAtOneSeconds(), 1e-9);
        assertEquals(0.4, r.slowdown(), 1e-9);
    }

    @Test
    void aLoadIndependentServiceIsParallel() {
        List<SlowdownFit.Run> runs = List.of(new SlowdownFit.Run("a", 5, 0.100, 1), new SlowdownFit.Run("b", 10, 0.1004, 1),
                new SlowdownFit.Run("c", 20, 0.0998, 1));
        SlowdownFit.Result r = SlowdownFit.fit(runs);
        assertFalse(r.slowsDown());
        assertEquals(0, r.modelSlowdown());
    }

    @Test
    void runsAtOneLoadLevelAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlowdownFit.fit(runs(0.1, 0.25, 1, 5, 5.5)));
        assertTrue(e.getMessage().contains("must span at least 0.5"), e.getMessage());
    }
}
