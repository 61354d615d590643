package io.headroom.planner.calibrate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The likelihood-ratio G-test of a fitted model on grouped data, on merged cells (note §1.3):
 * cell i's expected mass runs from the previous cell's upper edge to its own (so the mass of the
 * empty buckets between recorded ones is kept — the prototype's bug), the model's tail mass below
 * the first and above the last cell goes into the end cells, and adjacent cells merge until each
 * expects at least {@value #MIN_EXPECTED} observations. {@code G = 2 Σ O ln(O/E)} with
 * df = k − 1 − p (parameters estimated from the grouped likelihood: Cramér; Chernoff–Lehmann).
 * commons-math3's own {@code GTest} assumes df = k − 1, so the p-value is computed here.
 */
public final class GTest {
    static final double MIN_EXPECTED = 5;

    private GTest() {
    }

    /** The statistic, its degrees of freedom, the merged cell count and the p-value (NaN when df < 1). */
    public record Result(double g, int df, int cells, double pValue) {
    }

    public static Result of(Intervals data, GroupedFit.Result fit) {
        long n = data.total();
        double[] upper = data.upper();
        long[] counts = data.counts();
        List<double[]> cells = new ArrayList<>();
        double observed = 0;
        double expected = 0;
        double previousUpper = 0;
        for (int i = 0; i < counts.length; i++) {
            boolean last = i == counts.length - 1;
            double to = last ? Double.POSITIVE_INFINITY : upper[i];
            observed += counts[i];
            expected += n * fit.family().mass(fit.parameters(), previousUpper, to);
            previousUpper = to;
            if (expected >= MIN_EXPECTED || last) {
                cells.add(new double[] {observed, expected});
                observed = 0;
                expected = 0;
            }
        }
        if (cells.size() > 1 && cells.get(cells.size() - 1)[1] < MIN_EXPECTED) {
            double[] tail = cells.remove(cells.size() - 1);
            cells.get(cells.size() - 1)[0] += tail[0];
            cells.get(cells.size() - 1)[1] += tail[1];
        }
        double g = 0;
        for (double[] c : cells) {
            if (c[0] > 0) {
                g += 2 * c[0] * Math.log(c[0] / Math.max(c[1], 1e-300));
            }
        }
        int df = cells.size() - 1 - fit.family().parameters;
        double p = df < 1 ? Double.NaN : 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(g);
        return new Result(g, df, cells.size(), p);
    }
}
