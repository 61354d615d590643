package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.timeline.LatencyCause;
import io.headroom.planner.timeline.LatencyWindow;
import io.headroom.planner.timeline.Summary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The two shipped knative examples fail their users as their comments say: by latency, not 503, and
 * the first latency window names the cause — a cold start for the revision scaled to zero, a panic
 * too late (replicas still starting) for the spike.
 */
class KnativeExamplesTest {
    private static Summary run(String file) {
        return Simulator.run(ScenarioLoader.load(Path.of("..", "scenarios", file))).summary();
    }

    @Test
    void theScaledToZeroPredictorsFirstRequestsWaitAColdStart() {
        Summary s = run("kserve-scale-to-zero.yaml");
        assertEquals(0, s.rejected503(), "the activator holds requests: no 503");
        assertFalse(s.sloMet(), "the p99 objective fails");
        LatencyWindow first = s.latencyWindows().get(0);
        assertEquals(LatencyCause.COLD_START, first.cause());
        assertTrue(first.startSecond() >= 360 && first.startSecond() <= 365, "the ramp's first requests, just after 6 m: " + first);
        // one 45 s startup, within the 1 % of a second's 2-digit histogram
        assertEquals(45_000, first.peakP99Ms(), 45_000 * 0.01 + 300);
    }

    @Test
    void theSpikeIsALatencyWindowOfAPanicThatCameTooLate() {
        Summary s = run("knative-panic-spike.yaml");
        assertEquals(0, s.rejected503());
        assertEquals(1, s.latencyWindows().size(), s.latencyWindows().toString());
        LatencyWindow w = s.latencyWindows().get(0);
        assertEquals(LatencyCause.PANIC_TOO_LATE, w.cause());
        assertTrue(w.startSecond() >= 300 && w.startSecond() <= 303, "starts with the spike at 5 m: " + w);
        assertTrue(w.endSecond() <= 300 + 20 + 10, "ends once the 20 s startups are over and the backlog drained: " + w);
    }
}
