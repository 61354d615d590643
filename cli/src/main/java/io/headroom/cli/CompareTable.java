package io.headroom.cli;

import io.headroom.reports.compare.RegressionThresholds;
import io.headroom.reports.compare.RunComparison;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code compare}'s table: one row per metric, baseline, new, the rise, then the verdict. */
final class CompareTable {
    private final PrintWriter out;

    CompareTable(PrintWriter out) {
        this.out = out;
    }

    void print(RunComparison c) {
        out.println("baseline  " + c.baseline());
        out.println("new       " + c.candidate());
        if (c.samePlan() != null) {
            out.println(c.samePlan() ? "          both replayed the same arrival plan"
                    : "          NOTE: they replayed different arrival plans (another traffic or seed): differences include the traffic's");
        }
        out.println();
        out.printf(Locale.ROOT, "  %-16s %14s %14s %14s%n", "metric", "baseline", "new", "rise");
        for (RunComparison.Metric m : c.metrics()) {
            out.printf(Locale.ROOT, "  %-16s %14s %14s %14s%n", m.label(), RegressionThresholds.value(m.unit(), m.baseline()),
                    RegressionThresholds.value(m.unit(), m.candidate()), rise(m));
        }
        out.println();
        RunComparison.Verdict v = c.verdict();
        if (!v.gating()) {
            out.println("verdict: " + v.thresholds());
        } else {
            out.println("verdict: " + (v.held() ? "no threshold crossed" : "FAILED") + " (" + v.thresholds() + ")");
        }
        for (String f : v.failures()) {
            out.println("  " + (v.gating() ? "FAILED  " : "note    ") + f);
        }
    }

    private static String rise(RunComparison.Metric m) {
        if (m.rise() == null) {
            return "n/a";
        }
        return switch (m.unit()) {
            case "fraction" -> String.format(Locale.ROOT, "%+.3f pp", 100 * m.rise());
            case "count" -> String.format(Locale.ROOT, "%+d", Math.round(m.rise()));
            default -> m.relativeRise() == null ? String.format(Locale.ROOT, "%+.2f", m.rise())
                    : String.format(Locale.ROOT, "%+.1f %%", 100 * m.relativeRise());
        };
    }
}
