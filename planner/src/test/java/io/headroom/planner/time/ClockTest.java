package io.headroom.planner.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClockTest {
    @Test
    void printsMinutesAndSecondsBelowAnHour() {
        assertEquals("0:00", Clock.of(0));
        assertEquals("0:05", Clock.of(5));
        assertEquals("10:00", Clock.of(600));
        assertEquals("59:59", Clock.of(3599));
    }

    @Test
    void printsHoursMinutesAndSecondsFromAnHourOn() {
        assertEquals("1:00:00", Clock.of(3600));
        assertEquals("2:00:00", Clock.of(7200));
        assertEquals("24:00:00", Clock.of(86_400));
    }

    @Test
    void negativeTimesCarryASign() {
        assertEquals("-0:05", Clock.of(-5));
    }

    @Test
    void notationNamesWhatTheLongestTimeReadsAs() {
        assertEquals("m:ss", Clock.notation(3599));
        assertEquals("h:mm:ss", Clock.notation(3600));
        assertEquals("h:mm:ss", Clock.notation(86_400));
    }
}
