package io.headroom.loadgen.loadtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * k6's execution-segment striping, checked against grafana/k6's own tests
 * ({@code lib/execution_segment_test.go} @ 87883075): every case of {@code TestGetStripedOffsets},
 * the scale cases of {@code TestNewExecutionTuple} for thirds, and the 50 % / 25 % / 25 % table in
 * the {@code ExecutionTuple} documentation. k6 writes segments as rational end points; each case
 * here is the same sequence as integer weights (k6 fills a partial sequence up to 1, and a lone
 * segment with its complement, so "0,0.2,0.5" is 2, 3, 5 tenths).
 */
class StripesTest {
    static Stream<Arguments> testGetStripedOffsets() {
        long[] tenths = {3, 2, 1, 1, 1, 1, 1};
        long[] tenths2 = {2, 3, 1, 1, 1, 1, 1};
        return Stream.of(
                // full sequences: "0,0.3,0.5,0.6,0.7,0.8,0.9,1"
                Arguments.of("0:0.3 of 0,0.3,...,1", tenths, 0, 0L, new long[] {4, 3, 3}, 10L),
                Arguments.of("0.3:0.5 of 0,0.3,...,1", tenths, 1, 1L, new long[] {4, 6}, 10L),
                Arguments.of("0.5:0.6 of 0,0.3,...,1", tenths, 2, 2L, new long[] {10}, 10L),
                Arguments.of("0.6:0.7 of 0,0.3,...,1", tenths, 3, 3L, new long[] {10}, 10L),
                Arguments.of("0.8:0.9 of 0,0.3,...,1", tenths, 5, 8L, new long[] {10}, 10L),
                Arguments.of("0.9:1 of 0,0.3,...,1", tenths, 6, 9L, new long[] {10}, 10L),
                // "0,0.2,0.5,0.6,0.7,0.8,0.9,1"
                Arguments.of("0.9:1 of 0,0.2,...,1", tenths2, 6, 9L, new long[] {10}, 10L),
                Arguments.of("0:0.2 of 0,0.2,...,1", tenths2, 0, 1L, new long[] {4, 6}, 10L),
                Arguments.of("0.6:0.7 of 0,0.2,...,1", tenths2, 3, 3L, new long[] {10}, 10L),
                // not full sequences: "0,0.2,0.5" and "0,2/5,4/5"
                Arguments.of("0:0.2 of 0,0.2,0.5", new long[] {2, 3, 5}, 0, 3L, new long[] {6, 4}, 10L),
                Arguments.of("0.2:0.5 of 0,0.2,0.5", new long[] {2, 3, 5}, 1, 1L, new long[] {4, 2, 4}, 10L),
                Arguments.of("0:2/5 of 0,2/5,4/5", new long[] {2, 2, 1}, 0, 0L, new long[] {3, 2}, 5L),
                Arguments.of("2/5:4/5 of 0,2/5,4/5", new long[] {2, 2, 1}, 1, 1L, new long[] {3, 2}, 5L),
                // no sequence: the segment and what is left
                Arguments.of("0:0.2", new long[] {1, 4}, 0, 1L, new long[] {5}, 5L),
                Arguments.of("0:1/5", new long[] {1, 4}, 0, 1L, new long[] {5}, 5L),
                Arguments.of("0:2/10", new long[] {2, 8}, 0, 1L, new long[] {5}, 5L),
                Arguments.of("0:0.4", new long[] {2, 3}, 0, 1L, new long[] {2, 3}, 5L),
                Arguments.of("0:2/5", new long[] {2, 3}, 0, 1L, new long[] {2, 3}, 5L),
                Arguments.of("2/5:4/5", new long[] {2, 2, 1}, 1, 1L, new long[] {3, 2}, 5L),
                Arguments.of("0:4/10", new long[] {4, 6}, 0, 1L, new long[] {2, 3}, 5L),
                Arguments.of("1/10:5/10", new long[] {1, 4, 5}, 1, 1L, new long[] {2, 2, 4, 2}, 10L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void testGetStripedOffsets(String k6Case, long[] weights, int segment, long start, long[] offsets, long lcd) {
        Stripes stripes = Stripes.weighted(weights);
        assertEquals(start, stripes.start(segment), "start");
        assertArrayEquals(offsets, stripes.offsets(segment), "offsets");
        assertEquals(lcd, stripes.lcd(), "lcd");
    }

    /** TestNewExecutionTuple, sequence 0,1/3,2/3,1: ScaleInt64 of 50, 3, 2, 1, 0 for each third. */
    @Test
    void testNewExecutionTupleScalesThirds() {
        Stripes thirds = Stripes.equal(3);
        long[][] expected = {{17, 1, 1, 1, 0}, {17, 1, 1, 0, 0}, {16, 1, 0, 0, 0}};
        long[] values = {50, 3, 2, 1, 0};
        for (int s = 0; s < 3; s++) {
            for (int v = 0; v < values.length; v++) {
                assertEquals(expected[s][v], thirds.share(s, values[v]), "segment " + s + " of " + values[v]);
            }
        }
    }

    /** The ExecutionTuple documentation's 50 % / 25 % / 25 % example: iterators and ScaleInt64 for 1..12. */
    @Test
    void executionTupleDocumentationHalfQuarterQuarter() {
        Stripes stripes = Stripes.weighted(2, 1, 1);
        int[] owners = {0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0, 2};
        for (int i = 0; i < owners.length; i++) {
            assertEquals(owners[i], stripes.owner(i), "owner of iteration " + i);
        }
        long[][] scaled = {{1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6}, {0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3},
            {0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3}};
        for (int s = 0; s < 3; s++) {
            for (int v = 1; v <= 12; v++) {
                assertEquals(scaled[s][v - 1], stripes.share(s, v), "segment " + s + " of " + v);
            }
        }
    }

    /** TestExecutionSegmentScaleConsistency and TestExecutionSegmentScaleNoWobble, on fixed weights: shares sum to the whole and never shrink. */
    @Test
    void sharesAddUpToTheWholeAndNeverShrink() {
        for (long[] weights : new long[][] {{1}, {1, 1}, {1, 1, 1}, {3, 2, 1, 1, 1, 1, 1}, {7, 5, 3}, {1, 1, 1, 1, 1, 1, 1}}) {
            Stripes stripes = Stripes.weighted(weights);
            long[] last = new long[weights.length];
            for (long v = 0; v < 1000; v++) {
                long sum = 0;
                for (int s = 0; s < weights.length; s++) {
                    long share = stripes.share(s, v);
                    sum += share;
                    assertEquals(true, share >= last[s], "share of segment " + s + " shrank at " + v);
                    last[s] = share;
                }
                assertEquals(v, sum, "shares of " + v);
            }
        }
    }

    @Test
    void equalSegmentsTakeEveryNthRequest() {
        Stripes four = Stripes.equal(4);
        for (int i = 0; i < 40; i++) {
            assertEquals(i % 4, four.owner(i));
        }
        assertArrayEquals(new long[] {4}, four.offsets(2));
    }
}
