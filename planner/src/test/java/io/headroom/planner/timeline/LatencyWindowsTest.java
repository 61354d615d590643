package io.headroom.planner.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Latency windows: slow seconds the replica side explains, merged over short gaps, with the cause of most of their requests. */
class LatencyWindowsTest {
    private static final Optional<Duration> LIMIT = Optional.of(Duration.ofSeconds(2));

    private static TimelineRow row(int second, double p99Ms, ReplicaSample replicas) {
        return new TimelineRow(second, 10, 10, 0, 0, 0, p99Ms / 2, p99Ms, replicas);
    }

    private static final ReplicaSample COLD = new ReplicaSample(0, 1, 1, 0, 10, 0, 0, false);
    private static final ReplicaSample STARTING = new ReplicaSample(2, 3, 5, 4, 6, 0, 0, false);
    private static final ReplicaSample CAPPED = new ReplicaSample(5, 0, 5, 10, 20, 0, 0, true);
    private static final ReplicaSample SETTLED = new ReplicaSample(5, 0, 5, 3, 0, 0, 0, false);

    @Test
    void slowSecondsMergeOverShortGapsAndTakeTheCauseOfMostRequests() {
        List<TimelineRow> rows = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            ReplicaSample r = s < 10 ? SETTLED : s < 14 ? COLD : s < 16 ? STARTING : s < 30 ? SETTLED : s < 33 ? CAPPED : SETTLED;
            double p99 = (s >= 10 && s < 16) || (s >= 19 && s < 20) || (s >= 30 && s < 33) ? 5000 : 500;
            rows.add(row(s, p99, r));
        }
        List<LatencyWindow> w = LatencyWindows.find(rows, LIMIT, 5);
        assertEquals(2, w.size(), w.toString());
        assertEquals(10, w.get(0).startSecond());
        assertEquals(16, w.get(0).endSecond(), "second 19 is slow but settled: the service's own tail, not a window");
        assertEquals(LatencyCause.COLD_START, w.get(0).cause(), "4 cold seconds against 2 starting");
        assertEquals(60, w.get(0).requests());
        assertEquals(LatencyCause.MAX_SCALE, w.get(1).cause());
        assertEquals(30, w.get(1).startSecond());
        assertEquals(33, w.get(1).endSecond());
    }

    @Test
    void noObjectiveNoWindowsAndObservedSecondsHaveNoCause() {
        List<TimelineRow> rows = List.of(row(0, 5000, null), row(1, 5000, null));
        assertTrue(LatencyWindows.find(rows, Optional.empty(), 5).isEmpty());
        LatencyWindow w = LatencyWindows.find(rows, LIMIT, 5).get(0);
        assertNull(w.cause());
        assertEquals(2, w.seconds());
    }
}
