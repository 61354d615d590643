package io.headroom.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClockFormatTest {
    @Test
    void formatsMinutesAndSecondsBelowAnHour() {
        assertEquals("0:00", ClockFormat.of(0));
        assertEquals("0:05", ClockFormat.of(5));
        assertEquals("10:00", ClockFormat.of(600));
        assertEquals("59:59", ClockFormat.of(3599));
    }

    @Test
    void formatsHoursMinutesAndSecondsFromAnHourOn() {
        assertEquals("1:00:00", ClockFormat.of(3600));
        assertEquals("24:00:00", ClockFormat.of(86_400));
    }

    @Test
    void axisFormatDropsFractionsOfASecond() {
        assertEquals("1:30", new ClockFormat().format(90.7));
    }
}
