package io.headroom.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.time.Clock;
import java.awt.font.FontRenderContext;
import java.time.ZonedDateTime;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ClockFormatTest {
    @Test
    void axisFormatDropsFractionsOfASecond() {
        assertEquals("1:30", new ClockFormat(Clock.ELAPSED).format(90.7));
        assertEquals("2:00:00", new ClockFormat(Clock.ELAPSED).format(7200.0));
    }

    /** With traffic.start the ticks read the wall clock of the start's zone, and the title names the zone. */
    @Test
    void withAStartTheAxisReadsTheWallClock() {
        Clock clock = Clock.startingAt(ZonedDateTime.parse("2026-12-01T09:00:00+01:00[Europe/Berlin]"));
        assertEquals("09:01:30", new ClockFormat(clock).format(90.7));
        assertEquals("12-02 00:00:00", new ClockFormat(clock).format(15 * 3600.0));
        assertEquals("time (HH:mm:ss, Europe/Berlin)", ChartStyle.timeAxis(1800, clock).getLabel());
        assertEquals("time (MM-dd HH:mm:ss, Europe/Berlin)", ChartStyle.timeAxis(86_400, clock).getLabel());
    }

    @Test
    void timeAxisNamesItsNotation() {
        assertEquals("time (m:ss since the start)", ChartStyle.timeAxis(1800, Clock.ELAPSED).getLabel());
        assertEquals("time (h:mm:ss since the start)", ChartStyle.timeAxis(3600, Clock.ELAPSED).getLabel());
        assertEquals("time (h:mm:ss since the start)", ChartStyle.timeAxis(86_400, Clock.ELAPSED).getLabel());
    }

    @Test
    void aDayLongAxisLeavesRoomForItsLastTickLabel() {
        NumberAxis axis = ChartStyle.timeAxis(86_400, Clock.ELAPSED);
        XYPlot plot = ChartStyle.plot(axis, ChartStyle.valueAxis("y"));
        double halfLabel = ChartStyle.TICK.getStringBounds("24:00:00", new FontRenderContext(null, true, false)).getWidth() / 2;
        double padding = ChartStyle.chart("t", null, plot).getPadding().getRight();
        assertTrue(padding >= halfLabel, "right padding " + padding + " must hold half of '24:00:00' (" + halfLabel + ")");
    }
}
