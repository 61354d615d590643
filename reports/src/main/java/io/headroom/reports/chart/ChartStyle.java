package io.headroom.reports.chart;

import io.headroom.planner.time.Clock;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The look every chart shares: fonts, the clock time axis, plot background, legend, shading. */
final class ChartStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color GRID = new Color(0xDDDDDD);
    /** Alpha of the shading of predicted 503 seconds. */
    static final int SHADE_ALPHA = 60;

    private ChartStyle() {
    }

    /**
     * The x axis: seconds since the start, labelled as the run's {@link Clock} prints them at
     * whole-minute-friendly steps; its title names the notation ({@code time (m:ss since the start)},
     * {@code time (h:mm:ss since the start)} for a run of an hour or more, {@code time (HH:mm:ss, Europe/Berlin)}
     * with {@code traffic.start}).
     */
    static NumberAxis timeAxis(double endSeconds, Clock runClock) {
        NumberAxis axis = new NumberAxis("time (" + runClock.notationUpTo((long) Math.ceil(endSeconds)) + ")");
        TickUnits units = new TickUnits();
        ClockFormat clock = new ClockFormat(runClock);
        for (double size : new double[] {1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200}) {
            units.add(new NumberTickUnit(size, clock));
        }
        axis.setStandardTickUnits(units);
        axis.setRange(0, Math.max(1, endSeconds));
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return style(axis);
    }

    static NumberAxis valueAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(java.util.Locale.ROOT));
        return style(axis);
    }

    /** A value axis whose ticks are whole numbers (replica counts). */
    static NumberAxis countAxis(String label) {
        NumberAxis axis = valueAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
        return axis;
    }

    static <A extends ValueAxis> A style(A axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        return axis;
    }

    static XYPlot plot(NumberAxis x, ValueAxis y) {
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.6f));
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    /** A chart with the house title font, a bottom legend and an optional note under the title. */
    static JFreeChart chart(String title, String note, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, rightPadding(plot)));
        if (note != null && !note.isEmpty()) {
            TextTitle subtitle = new TextTitle(note, SUBTITLE);
            subtitle.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(subtitle);
        }
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LEGEND);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    /**
     * Room on the right for half the last time tick's label, which is centred on the plot's right edge:
     * {@code 24:00:00} is wider than {@code 30:00}, and a fixed padding clipped it to {@code 24:00:0}.
     */
    static double rightPadding(XYPlot plot) {
        double end = plot.getDomainAxis().getUpperBound();
        // the axis's own tick labels (every unit of timeAxis formats with the run's clock)
        String widest = ((NumberAxis) plot.getDomainAxis()).getStandardTickUnits().getCeilingTickUnit(1).valueToString(Math.ceil(end));
        double width = TICK.getStringBounds(widest, new FontRenderContext(null, true, false)).getWidth();
        return Math.max(12, Math.ceil(width / 2) + 4);
    }

    /** Shades each {@code {start, end}} run of seconds on the time axis. */
    static void shade(XYPlot plot, List<int[]> runs, Paint fill, Stroke outline, Paint outlinePaint) {
        for (int[] run : runs) {
            IntervalMarker marker = new IntervalMarker(run[0], run[1], fill);
            marker.setOutlinePaint(outlinePaint);
            marker.setOutlineStroke(outline);
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
    }

    /** The plot's own legend items followed by {@code extra} ones (markers have no legend item of their own). */
    static void legendWith(XYPlot plot, LegendItem... extra) {
        LegendItemCollection items = new LegendItemCollection();
        items.addAll(plot.getLegendItems());
        for (LegendItem item : extra) {
            item.setLabelFont(LEGEND);
            items.add(item);
        }
        plot.setFixedLegendItems(items);
    }

    /** A legend swatch: a filled box with an optional outline. */
    static LegendItem swatch(String label, Paint fill, Stroke outline, Paint outlinePaint) {
        Rectangle box = new Rectangle(-6, -5, 12, 10);
        return outline == null ? new LegendItem(label, null, null, null, box, fill)
                : new LegendItem(label, null, null, null, box, fill, outline, outlinePaint);
    }
}
