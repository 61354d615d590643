package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.timeline.Windows;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link BurstRenderer} moves whole 503s between seconds: the total stays, each second's room holds, bursts have the episode's shape. */
class BurstRendererTest {
    private static final int GAP = Windows.DEFAULT_MERGE_GAP_SECONDS;

    /** A trickle of one 503 every {@code every} seconds over {@code seconds}, room 40 a second, episodes of 5 × 2 s. */
    private static long[] trickle(int seconds, int every) {
        long[] base = new long[seconds];
        for (int s = 0; s < seconds; s += every) {
            base[s] = 1;
        }
        return base;
    }

    private static long[] room(int seconds, long perSecond) {
        long[] room = new long[seconds];
        Arrays.fill(room, perSecond);
        return room;
    }

    private static RejectionEpisodes.Shape[] shapes(int seconds, RejectionEpisodes.Shape shape) {
        RejectionEpisodes.Shape[] shapes = new RejectionEpisodes.Shape[seconds];
        Arrays.fill(shapes, shape);
        return shapes;
    }

    @Test
    void aTrickleBecomesRunsOfTheShapesSizeAtTheMeanSpacingWithTheSameTotal() {
        long[] base = trickle(600, 3);
        RejectionEpisodes.Shape shape = new RejectionEpisodes.Shape(5, 2);
        long[] out = BurstRenderer.render(base, room(600, 40), shapes(600, shape), GAP);
        long total = Arrays.stream(base).sum();
        assertEquals(total, Arrays.stream(out).sum());
        // 200 503s, 5 a second: 40 seconds with 503s, in runs of the rendered length, each run its own window
        int run = BurstRenderer.runSeconds(shape, GAP);
        long secondsWith503 = Arrays.stream(out).filter(k -> k > 0).count();
        assertEquals(total / shape.perSecond(), secondsWith503, 3);
        assertEquals(secondsWith503 / (double) run, Windows.find(rows(out), GAP).size(), 2);
    }

    @Test
    void renderedRunsMergeWhereHalfOfRandomRunsAreInsideAWindow() {
        // runs of L' at the mean spacing have quiet gaps L'(1 − q)/q: at q½ they are the merge gap, up to L's rounding
        for (double l : new double[] {1.9, 2.2, 2.6, 3.5}) {
            double half = BurstRenderer.majorityShare(l, GAP);
            assertEquals(0.5, BurstRenderer.insideShare(half, l, GAP), 1e-9);
            int run = BurstRenderer.runSeconds(new RejectionEpisodes.Shape(5, l), GAP);
            double gap = run * (1 - half) / half;
            assertEquals(GAP, gap, run * 0.5 / half, "L " + l);
        }
    }

    @Test
    void insideShareNeverFallsAsTheShareOfSecondsWith503Grows() {
        double previous = 0;
        for (double q = 0.05; q < 1; q += 0.05) {
            double share = BurstRenderer.insideShare(q, 2.2, GAP);
            assertTrue(share >= previous && share >= q && share <= 1, "q " + q);
            previous = share;
        }
    }

    @Test
    void aSecondNeverHoldsMoreThanItsRoomAndTheRestIsPaidLater() {
        long[] base = trickle(120, 2);
        long[] room = room(120, 2);
        long[] out = BurstRenderer.render(base, room, shapes(120, new RejectionEpisodes.Shape(8, 3)), GAP);
        assertEquals(Arrays.stream(base).sum(), Arrays.stream(out).sum());
        for (int s = 0; s < out.length; s++) {
            assertTrue(out[s] <= room[s], "second " + s);
        }
    }

    @Test
    void aStretchTooSmallForAnEpisodeStillShowsItsRequests() {
        long[] base = new long[60];
        base[10] = 1;
        base[40] = 2;
        long[] out = BurstRenderer.render(base, room(60, 40), shapes(60, new RejectionEpisodes.Shape(6, 2)), GAP);
        assertArrayEquals(base, out);
    }

    @Test
    void aStepStartsItsEpisodeByItsFirstFullSecond() {
        // the step's first second is partial (2 of the 25 a rejecting second holds): the next is full, and the runs merge
        long[] base = new long[60];
        for (int s = 20; s < 40; s++) {
            base[s] = s == 20 ? 2 : 30;
        }
        long[] out = BurstRenderer.render(base, room(60, 100), shapes(60, new RejectionEpisodes.Shape(25, 4)), GAP);
        assertTrue(out[20] + out[21] > 0);
        assertEquals(0, Arrays.stream(out, 0, 20).sum());
        assertEquals(Arrays.stream(base).sum(), Arrays.stream(out).sum());
    }

    @Test
    void aSecondThatAlwaysRejectsKeepsItsOwn503s() {
        // q = 1: no gaps, and no second pays for another (runs paid what was owed evenly: a sawtooth 0 10 17 27 42 75)
        long[] base = new long[60];
        for (int s = 10; s < 50; s++) {
            base[s] = 30 + s % 7;
        }
        long[] out = BurstRenderer.render(base, room(60, 100), shapes(60, new RejectionEpisodes.Shape(25, 40)), GAP);
        assertArrayEquals(base, out);
    }

    @Test
    void belowTheMergingRateAStretchsFirstRunWaitsTheMeanGap() {
        // one 503 a second where a rejecting second holds 10: q = 0.1, runs of L' with gaps of 9 L'
        long[] base = new long[200];
        Arrays.fill(base, 50, 200, 1);
        RejectionEpisodes.Shape shape = new RejectionEpisodes.Shape(10, 2);
        long[] out = BurstRenderer.render(base, room(200, 40), shapes(200, shape), GAP);
        int run = BurstRenderer.runSeconds(shape, GAP);
        int first = 0;
        while (out[first] == 0) {
            first++;
        }
        assertEquals(50 + run * 0.9 / 0.1, first, 1);
        assertEquals(Arrays.stream(base).sum(), Arrays.stream(out).sum());
    }

    @Test
    void aRisingRateIsOneWindowFromWhereItsRunsMerge() {
        // 1 to 60 503s a second over 60 s, 40 a rejecting second: from the second where the mean gap at that
        // second's q is within the merge gap, the timeline is inside one window to the end
        long[] base = new long[90];
        for (int s = 0; s < 60; s++) {
            base[s + 10] = s + 1;
        }
        Arrays.fill(base, 70, 90, 60);
        RejectionEpisodes.Shape shape = new RejectionEpisodes.Shape(40, 3);
        long[] out = BurstRenderer.render(base, room(90, 200), shapes(90, shape), GAP);
        int run = BurstRenderer.runSeconds(shape, GAP);
        int merging = 10;
        while (BurstRenderer.meanGap(base[merging] / 40.0, 0, run) > GAP) {
            merging++;
        }
        java.util.List<io.headroom.planner.timeline.Window> windows = Windows.find(rows(out), GAP);
        io.headroom.planner.timeline.Window last = windows.get(windows.size() - 1);
        assertTrue(last.startSecond() <= merging && last.endSecond() == 90, windows + " merging at " + merging);
        assertEquals(Arrays.stream(base).sum(), Arrays.stream(out).sum());
    }

    private static java.util.List<io.headroom.planner.timeline.TimelineRow> rows(long[] rejected) {
        java.util.List<io.headroom.planner.timeline.TimelineRow> rows = new java.util.ArrayList<>();
        for (int s = 0; s < rejected.length; s++) {
            long arrivals = Math.max(40, rejected[s]);
            rows.add(new io.headroom.planner.timeline.TimelineRow(s, arrivals, arrivals - rejected[s], rejected[s], 0, 0, Double.NaN, Double.NaN, null));
        }
        return rows;
    }
}
