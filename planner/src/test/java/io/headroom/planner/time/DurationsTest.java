package io.headroom.planner.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"250ms, 250000000", "10s, 10000000000", "1.5s, 1500000000", "15m30s, 930000000000",
        "1h, 3600000000000", "5us, 5000", "0s, 0"})
    void parsesNumbersWithUnits(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), Durations.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"10, bare number", "10 parsecs, a number with a unit", "-5s, >= 0", "1s1m, largest first", "'', empty"})
    void rejectsWithTheRuleInTheMessage(String text, String rule) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"250ms", "10s", "1.5s", "15m30s", "1h", "5us", "0s", "2h1m1.5s"})
    void formatReadsBackToTheSameDuration(String text) {
        Duration d = Durations.parse(text);
        assertEquals(d, Durations.parse(Durations.format(d)));
    }

    @ParameterizedTest
    @CsvSource({"250ms, 250ms", "1.5s, 1500ms", "10.25s, 10250ms", "15m30s, 15m30s", "1h, 1h", "90s, 1m30s"})
    void formatsInTheParsersNotation(String text, String formatted) {
        assertEquals(formatted, Durations.format(Durations.parse(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999d", "106752d", "9223372036854775808us", "106751d23h59m59s1ms"})
    void aDurationBeyondWhatNanosecondsHoldIsAnErrorNotAnOverflow(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().startsWith("a duration must be at most 106751d"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void theLongestDurationParses() {
        assertEquals(Duration.ofDays(106751), Durations.parse("106751d"));
    }

    @org.junit.jupiter.api.Test
    void aLongBadValueIsQuotedAsAShortExcerpt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("x".repeat(10_000)));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertTrue(e.getMessage().endsWith("…'"), e.getMessage());
    }
}
