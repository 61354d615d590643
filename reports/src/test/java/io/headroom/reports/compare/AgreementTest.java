package io.headroom.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.headroom.planner.timeline.TimelineRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {
    /** One row per second, 10 requests each, with the given 503 counts. */
    private static List<TimelineRow> timeline(long... rejected) {
        List<TimelineRow> rows = new ArrayList<>();
        for (int s = 0; s < rejected.length; s++) {
            rows.add(new TimelineRow(s, 10, 10 - rejected[s], rejected[s], 0, 0, 100, 200, null));
        }
        return rows;
    }

    @Test
    void identicalTimelinesAgreeFully() {
        List<TimelineRow> t = timeline(0, 2, 3, 0);
        Agreement a = Agreement.of(t, t);
        assertEquals(1.0, a.precision());
        assertEquals(1.0, a.recall());
        assertEquals(1.0, a.overlap());
        assertEquals(2, a.both503Seconds());
    }

    @Test
    void aWindowObservedOneSecondLateGivesTwoThirdsPrecisionAndRecallAndHalfOverlap() {
        // P = {1, 2, 3}, O = {2, 3, 4}: |P∩O| = 2, |P∪O| = 4.
        Agreement a = Agreement.of(timeline(0, 1, 1, 1, 0, 0), timeline(0, 0, 1, 1, 1, 0));
        assertEquals(3, a.predicted503Seconds());
        assertEquals(3, a.observed503Seconds());
        assertEquals(2.0 / 3, a.precision(), 1e-12);
        assertEquals(2.0 / 3, a.recall(), 1e-12);
        assertEquals(0.5, a.overlap(), 1e-12);
    }

    @Test
    void predictingMoreThanHappenedLowersPrecisionNotRecall() {
        // P = {0, 1, 2, 3}, O = {1}.
        Agreement a = Agreement.of(timeline(1, 1, 1, 1), timeline(0, 1, 0, 0));
        assertEquals(0.25, a.precision(), 1e-12);
        assertEquals(1.0, a.recall(), 1e-12);
        assertEquals(0.25, a.overlap(), 1e-12);
    }

    @Test
    void withNo503SecondsTheRatiosAreUndefined() {
        Agreement a = Agreement.of(timeline(0, 0), timeline(0, 0));
        assertNull(a.precision());
        assertNull(a.recall());
        assertNull(a.overlap());
    }

    @Test
    void onlySecondsBothTimelinesCoverAreCompared() {
        Agreement a = Agreement.of(timeline(0, 1, 1, 1), timeline(0, 1));
        assertEquals(2, a.comparedSeconds());
        assertEquals(1, a.predicted503Seconds());
        assertEquals(1.0, a.precision());
    }

    @Test
    void fractionsAre503sOverRequestsOfEachWholeTimeline() {
        Agreement a = Agreement.of(timeline(5, 0, 0, 0), timeline(0, 2));
        assertEquals(5 / 40.0, a.predicted503Fraction(), 1e-12);
        assertEquals(2 / 20.0, a.observed503Fraction(), 1e-12);
    }
}
