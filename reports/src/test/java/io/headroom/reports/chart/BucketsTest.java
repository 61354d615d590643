package io.headroom.reports.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.timeline.TimelineRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {
    private static List<TimelineRow> rows(long... rejected) {
        List<TimelineRow> rows = new ArrayList<>();
        for (int s = 0; s < rejected.length; s++) {
            rows.add(new TimelineRow(s, 10 + s, 10 + s - rejected[s], rejected[s], 0, 0, Double.NaN, Double.NaN, null));
        }
        return rows;
    }

    @Test
    void shortRunKeepsOnePointPerSecond() {
        Buckets b = Buckets.forSeconds(1200);
        assertFalse(b.downsampled());
        double[][] xy = b.max(rows(0, 1, 0), TimelineRow::arrivals);
        assertArrayEquals(new double[] {0, 1, 2}, xy[0]);
        assertArrayEquals(new double[] {10, 11, 12}, xy[1]);
    }

    @Test
    void dayLongRunIsCutToAtMostTwoThousandPointsOfBucketMaxima() {
        Buckets b = Buckets.forSeconds(86_400);
        assertEquals(44, b.bucketSeconds());
        double[][] xy = b.max(rows(new long[86_400]), TimelineRow::arrivals);
        assertTrue(xy[0].length <= Buckets.MAX_POINTS, "points: " + xy[0].length);
        assertEquals(10 + 43, xy[1][0], "the first bucket's maximum is its last second's arrivals");
    }

    @Test
    void secondsWithoutAValueLeaveAGap() {
        double[][] xy = new Buckets(1).max(rows(0, 0), TimelineRow::latencyP50Ms);
        assertTrue(Double.isNaN(xy[1][0]) && Double.isNaN(xy[1][1]));
    }

    @Test
    void runsJoinAdjacentMatchingSecondsAndSplitAtGaps() {
        List<int[]> runs = new Buckets(1).runs(rows(0, 1, 2, 0, 0, 3), r -> r.rejected503() > 0);
        assertEquals(2, runs.size());
        assertArrayEquals(new int[] {1, 3}, runs.get(0));
        assertArrayEquals(new int[] {5, 6}, runs.get(1));
    }

    @Test
    void runsWidenToWholeBucketsWhenDownsampled() {
        List<int[]> runs = new Buckets(4).runs(rows(0, 0, 0, 0, 0, 1, 0, 0, 0, 1), r -> r.rejected503() > 0);
        assertEquals(1, runs.size());
        assertArrayEquals(new int[] {4, 12}, runs.get(0));
    }
}
