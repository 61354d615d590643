package io.headroom.loadgen.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.scenario.Scenario;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The N segments of a plan are the plan: same requests, same times, none twice, none missing. */
class ArrivalPlanSegmentTest {
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 7, 10, 64})
    void theUnionOfTheSegmentsIsTheUnsplitPlanRequestForRequest(int n) {
        ArrivalPlan whole = ArrivalPlan.of(LoadTestTest.scenario(141, Duration.ofSeconds(20)));
        assertNotEquals(0, whole.requests() % 7, "a count 7 does not divide: " + whole.requests());
        assertNotEquals(0, whole.requests() % 64, "a count 64 does not divide: " + whole.requests());
        long[] union = new long[whole.requests()];
        int filled = 0;
        int[] perSecond = new int[whole.seconds()];
        for (int i = 0; i < n; i++) {
            ArrivalPlan part = whole.segment(new PlanSegment(i, n));
            assertEquals(whole.seconds(), part.seconds());
            assertEquals(whole.sha256(), part.sha256(), "segments carry the whole plan's digest");
            assertEquals(whole.requests(), part.wholeRequests());
            // exact integer share: ceil((count - i) / n)
            assertEquals((whole.requests() - i + n - 1) / n, part.requests(), "segment " + i + "'s share");
            for (int r = 0; r < part.requests(); r++) {
                union[filled++] = part.arrivalNanos(r);
                // request r of segment i is request i + r*n of the plan, at its very time
                assertEquals(whole.arrivalNanos(i + r * n), part.arrivalNanos(r));
            }
            for (int s = 0; s < part.seconds(); s++) {
                perSecond[s] += part.requestsIn(s);
            }
        }
        assertEquals(whole.requests(), filled, "no request twice, none missing");
        Arrays.sort(union);
        for (int r = 0; r < union.length; r++) {
            assertEquals(whole.arrivalNanos(r), union[r], "request " + r);
        }
        for (int s = 0; s < whole.seconds(); s++) {
            assertEquals(whole.requestsIn(s), perSecond[s], "requests due in second " + s);
        }
    }

    @Test
    void anotherSeedIsAnotherPlan() {
        Scenario a = LoadTestTest.scenario(50, Duration.ofSeconds(5));
        assertNotEquals(ArrivalPlan.of(a).sha256(), ArrivalPlan.of(a.withSeed(6)).sha256());
        assertEquals(ArrivalPlan.of(a).sha256(), ArrivalPlan.of(a).sha256());
    }

    @Test
    void segmentsAreWrittenIOverN() {
        assertEquals(new PlanSegment(2, 4), PlanSegment.parse("2/4"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanSegment.parse("4/4"));
        assertTrue(e.getMessage().contains("I must be in [0, N-1] = [0, 3] but was 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlanSegment.parse("1:4"));
        assertThrows(IllegalArgumentException.class, () -> PlanSegment.parse("0/0"));
    }
}
