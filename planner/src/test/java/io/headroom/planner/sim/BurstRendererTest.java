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
    void aTrickleBecomesEpisodesOfTheShapesSizeAndLengthWithTheSameTotal() {
        long[] base = trickle(600, 3);
        long[] out = BurstRenderer.render(base, room(600, 40), shapes(600, new RejectionEpisodes.Shape(5, 2)), GAP);
        assertEquals(Arrays.stream(base).sum(), Arrays.stream(out).sum());
        // 200 503s in episodes of 2 seconds × 5: 20 episodes, 40 seconds with 503s, each holding 5 (the last may hold the rest)
        long secondsWith503 = Arrays.stream(out).filter(k -> k > 0).count();
        assertEquals(40, secondsWith503, 1);
        assertEquals(5, Arrays.stream(out).filter(k -> k > 0).max().getAsLong(), 1);
        // the spacing (10 per 30 s episode) keeps them apart: windows of 2 s, not one long window
        assertTrue(Windows.find(rows(out), GAP).size() >= 18);
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
    void aStepStartsItsEpisodeInItsFirstSecond() {
        long[] base = new long[60];
        for (int s = 20; s < 40; s++) {
            base[s] = s == 20 ? 2 : 30;
        }
        long[] out = BurstRenderer.render(base, room(60, 100), shapes(60, new RejectionEpisodes.Shape(25, 4)), GAP);
        assertTrue(out[20] > 0);
        assertEquals(0, Arrays.stream(out, 0, 20).sum());
        assertEquals(Arrays.stream(base).sum(), Arrays.stream(out).sum());
    }

    private static java.util.List<io.headroom.planner.timeline.TimelineRow> rows(long[] rejected) {
        java.util.List<io.headroom.planner.timeline.TimelineRow> rows = new java.util.ArrayList<>();
        for (int s = 0; s < rejected.length; s++) {
            rows.add(new io.headroom.planner.timeline.TimelineRow(s, 40, 40 - rejected[s], rejected[s], 0, 0, Double.NaN, Double.NaN, null));
        }
        return rows;
    }
}
