package io.headroom.reports.chart;

import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/** Line series for one renderer: each with its {@link Palette} colour, solid when predicted, dashed when observed. */
final class Lines {
    private final DefaultXYDataset dataset = new DefaultXYDataset();
    private final List<Palette> colours = new ArrayList<>();
    private final List<Boolean> observed = new ArrayList<>();

    /** Adds a series; its legend label is the palette's, prefixed with "observed " when observed. */
    Lines add(Palette series, boolean isObserved, double[][] xy) {
        dataset.addSeries((isObserved ? "observed " : "") + series.label(), xy);
        colours.add(series);
        observed.add(isObserved);
        return this;
    }

    DefaultXYDataset dataset() {
        return dataset;
    }

    boolean isEmpty() {
        return colours.isEmpty();
    }

    /** A line renderer ({@code step}: held until the next point, for counts sampled each second). */
    XYLineAndShapeRenderer renderer(boolean step) {
        XYLineAndShapeRenderer renderer = step ? new XYStepRenderer() : new XYLineAndShapeRenderer(true, false);
        renderer.setDefaultShapesVisible(false);
        renderer.setDrawSeriesLineAsPath(false);
        renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0));
        for (int i = 0; i < colours.size(); i++) {
            renderer.setSeriesPaint(i, colours.get(i).color());
            renderer.setSeriesStroke(i, observed.get(i) ? Palette.OBSERVED : Palette.PREDICTED);
            renderer.setSeriesShapesVisible(i, false);
        }
        return renderer;
    }
}
