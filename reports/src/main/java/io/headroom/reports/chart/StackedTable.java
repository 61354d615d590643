package io.headroom.reports.chart;

import java.util.List;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.TableXYDataset;

/**
 * Series that share one x array, for a stacked area; read-only and O(1) per item (JFreeChart's
 * {@code DefaultTableXYDataset} re-indexes x values on every add). NaN values count as 0.
 */
final class StackedTable extends AbstractXYDataset implements TableXYDataset {
    private static final long serialVersionUID = 1L;

    private final double[] x;
    private final List<String> keys;
    private final List<double[]> ys;

    StackedTable(double[] x, List<String> keys, List<double[]> ys) {
        this.x = x.clone();
        this.keys = List.copyOf(keys);
        this.ys = List.copyOf(ys);
        for (double[] y : ys) {
            if (y.length != x.length) {
                throw new IllegalArgumentException("every stacked series needs " + x.length + " values but one had " + y.length);
            }
        }
    }

    @Override
    public int getItemCount() {
        return x.length;
    }

    @Override
    public int getItemCount(int series) {
        return x.length;
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        return keys.get(series);
    }

    @Override
    public Number getX(int series, int item) {
        return x[item];
    }

    @Override
    public Number getY(int series, int item) {
        double v = ys.get(series)[item];
        return Double.isNaN(v) ? 0.0 : v;
    }
}
