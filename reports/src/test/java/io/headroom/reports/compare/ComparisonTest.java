package io.headroom.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.timeline.LatencySummary;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Window;
import io.headroom.planner.timeline.Windows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prediction against observation on hand-made timelines whose answers are known. */
class ComparisonTest {
    /** 100 seconds of 10 requests, all rejected in [from, to). */
    private static List<TimelineRow> rows(int from, int to) {
        List<TimelineRow> rows = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            boolean rejected = s >= from && s < to;
            rows.add(new TimelineRow(s, 10, rejected ? 0 : 10, rejected ? 10 : 0, 0, 0, 100, 200, null));
        }
        return rows;
    }

    private static Summary summary(List<TimelineRow> rows, double p99) {
        long requests = rows.stream().mapToLong(TimelineRow::arrivals).sum();
        long rejected = rows.stream().mapToLong(TimelineRow::rejected503).sum();
        return new Summary("x", "predicted", "des", 1, rows.size(), requests, requests - rejected, rejected, 0, 0, rejected / (double) requests,
                0, 0, null, null, new LatencySummary(100.0, 150.0, p99, p99), null, null, null, null, List.of(),
                Windows.find(rows, Windows.DEFAULT_MERGE_GAP_SECONDS), List.of(), List.of(), false);
    }

    @Test
    void aWindowObservedTwoSecondsLateHasOnsetErrorTwo() {
        List<TimelineRow> p = rows(20, 40);
        List<TimelineRow> o = rows(22, 43);
        Comparison c = Comparison.of(summary(p, 200), p, summary(o, 200), o, Thresholds.DEFAULT);
        assertEquals(1, c.windows().size());
        assertEquals(2, c.windows().get(0).onsetErrorSeconds());
        assertEquals(3, c.windows().get(0).endErrorSeconds());
        assertEquals(0.20, c.predicted503Fraction(), 1e-12, "20 of 100 seconds");
        assertEquals(0.21, c.observed503Fraction(), 1e-12);
        assertEquals(0.01 / 0.21, c.relative503Error(), 1e-12);
        assertEquals(18.0 / 21, c.recall(), 1e-12, "18 shared seconds of 21 observed");
        assertTrue(c.verdict().agrees(), () -> c.verdict().failures().toString());
    }

    @Test
    void thresholdsThatDoNotHoldAreEachNamed() {
        List<TimelineRow> p = rows(20, 40);
        List<TimelineRow> o = rows(25, 60);
        Thresholds strict = new Thresholds(Map.of("onset", 2.0, "fraction503", 0.2, "p99", 0.1));
        Comparison c = Comparison.of(summary(p, 200), p, summary(o, 300), o, strict);
        assertFalse(c.verdict().agrees());
        assertEquals(3, c.verdict().failures().size(), c.verdict().failures().toString());
    }

    @Test
    void aPredictedWindowWithNothingObservedIsUnmatched() {
        List<TimelineRow> p = rows(20, 40);
        List<TimelineRow> o = rows(0, 0);
        Comparison c = Comparison.of(summary(p, 200), p, summary(o, 200), o, new Thresholds(Map.of("windows", 0.0)));
        assertNull(c.windows().get(0).observed());
        assertFalse(c.verdict().agrees());
    }

    @Test
    void windowsFarApartAreNotPaired() {
        Window p = new Window(10, 20, 50, 5, 5, null);
        Window o = new Window(100, 110, 50, 5, 5, null);
        assertNull(WindowMatch.pair(List.of(p), List.of(o)).get(0).observed());
    }

    @Test
    void failuresReadInTheUnitOfTheirThreshold() {
        List<TimelineRow> p = rows(20, 40);
        List<TimelineRow> o = rows(20, 48);
        Comparison c = Comparison.of(summary(p, 200), p, summary(o, 200), o, Thresholds.parse(Map.of("fraction503", "0.2", "end", "2")));
        assertEquals(List.of("503 fraction relative error 28.6 % exceeds 20 %", "end error 8 s exceeds 2 s (window at 0:20)"),
                c.verdict().failures());
        assertEquals("--fail-on fraction503 <= 20 %, end <= 2 s", c.verdict().thresholds());
    }

    @Test
    void predicted503SecondsWithNoneObservedHavePrecisionZeroNotUndefined() {
        List<TimelineRow> p = rows(20, 40);
        List<TimelineRow> o = rows(0, 0);
        Comparison c = Comparison.of(summary(p, 200), p, summary(o, 200), o, Thresholds.DEFAULT);
        assertEquals(0.0, c.precision());
        assertNull(c.recall(), "nothing observed to recall");
        assertEquals(0.0, c.overlap());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "onset | 2s | onset takes a number of seconds >= 0, e.g. onset=2, but was '2s'",
        "fraction503 | 20% | fraction503 takes a relative error as a fraction >= 0, e.g. fraction503=0.2 for 20 %, but was '20%'",
        "recall | 1.5 | recall takes a fraction in [0, 1], e.g. recall=0.5 for 50 %, but was '1.5'",
        "windows | 0.5 | windows takes a whole number >= 0, e.g. windows=0, but was '0.5'"})
    void aBadValueNamesTheKeyAndTheFormItTakes(String key, String value, String message) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Thresholds.parse(Map.of(key, value)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void unknownThresholdKeysAreRejectedWithTheKnownOnes() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Thresholds(Map.of("onsett", 1.0)));
        assertTrue(e.getMessage().contains("fraction503"), e.getMessage());
    }
}
