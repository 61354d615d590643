package io.headroom.planner.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link Search}'s one-axis searches on a monotone predicate (meets from a threshold on): the gallop from the floor and
 * the bisection both return the threshold for every threshold in the range, the gallop within 2 log2(threshold − floor
 * + 1) + 2 runs, and a floor known to meet costs no run.
 */
class SearchTest {
    private static final int FLOOR = 400;
    private static final int MEETING = 2288;

    @Test
    void gallopAndBisectionFindTheThreshold() {
        for (int threshold = FLOOR; threshold <= MEETING; threshold++) {
            for (boolean gallop : new boolean[] {true, false}) {
                AtomicInteger runs = new AtomicInteger();
                int t = threshold;
                IntFunction<Boolean> meets = n -> {
                    runs.incrementAndGet();
                    return n >= t;
                };
                assertEquals(threshold, Search.smallestFrom(FLOOR, MEETING, false, meets, gallop), "threshold " + threshold);
                if (gallop) {
                    double bound = 2 * Math.ceil(Math.log(threshold - FLOOR + 1) / Math.log(2)) + 2;
                    assertTrue(runs.get() <= bound, threshold + ": " + runs.get() + " runs > " + bound);
                } else {
                    assertTrue(runs.get() <= Math.ceil(Math.log(MEETING - FLOOR + 1) / Math.log(2)), threshold + ": " + runs.get());
                }
            }
        }
    }

    @Test
    void aFloorKnownToMeetCostsNoRun() {
        AtomicInteger runs = new AtomicInteger();
        assertEquals(FLOOR, Search.smallestFrom(FLOOR, MEETING, true, n -> {
            runs.incrementAndGet();
            return true;
        }, true));
        assertEquals(0, runs.get());
        assertEquals(7, Search.smallestFrom(9, 7, false, n -> false, true), "a meeting count below the floor is kept");
    }
}
