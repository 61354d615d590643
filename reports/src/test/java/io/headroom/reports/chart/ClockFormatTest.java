package io.headroom.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.font.FontRenderContext;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ClockFormatTest {
    @Test
    void axisFormatDropsFractionsOfASecond() {
        assertEquals("1:30", new ClockFormat().format(90.7));
        assertEquals("2:00:00", new ClockFormat().format(7200.0));
    }

    @Test
    void timeAxisNamesItsNotation() {
        assertEquals("time since start (m:ss)", ChartStyle.timeAxis(1800).getLabel());
        assertEquals("time since start (h:mm:ss)", ChartStyle.timeAxis(3600).getLabel());
        assertEquals("time since start (h:mm:ss)", ChartStyle.timeAxis(86_400).getLabel());
    }

    @Test
    void aDayLongAxisLeavesRoomForItsLastTickLabel() {
        NumberAxis axis = ChartStyle.timeAxis(86_400);
        XYPlot plot = ChartStyle.plot(axis, ChartStyle.valueAxis("y"));
        double halfLabel = ChartStyle.TICK.getStringBounds("24:00:00", new FontRenderContext(null, true, false)).getWidth() / 2;
        double padding = ChartStyle.chart("t", null, plot).getPadding().getRight();
        assertTrue(padding >= halfLabel, "right padding " + padding + " must hold half of '24:00:00' (" + halfLabel + ")");
    }
}
