package io.headroom.cli;

import io.headroom.planner.time.Clock;
import io.headroom.planner.timeline.Summary;
import io.headroom.reports.compare.Comparison;
import io.headroom.reports.compare.WindowMatch;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints what {@code validate} found: predicted against observed, the observed run against the SLOs, the verdict. */
final class ValidationTable {
    private final PrintWriter out;
    private final Clock clock;

    /** Times print with {@code clock}: the scenario's ({@code traffic.start}, else elapsed). */
    ValidationTable(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void print(Validation.Outcome o) {
        Comparison c = o.comparison();
        out.println();
        out.printf(Locale.ROOT, "  %-24s %12s %12s%n", "", "predicted", "observed");
        out.printf(Locale.ROOT, "  %-24s %11.3f%% %11.3f%%   (relative error %.1f %%)%n", "503 fraction", 100 * c.predicted503Fraction(),
                100 * c.observed503Fraction(), 100 * c.relative503Error());
        out.printf(Locale.ROOT, "  %-24s %12s %12s%n", "latency p50", ms(c.latencyMs().predicted().p50()), ms(c.latencyMs().observed().p50()));
        out.printf(Locale.ROOT, "  %-24s %12s %12s%n", "latency p99", ms(c.latencyMs().predicted().p99()), ms(c.latencyMs().observed().p99()));
        out.printf(Locale.ROOT, "  503 seconds: precision %s, recall %s, overlap %s%n", ratio(c.precision(), "no predicted 503 seconds"),
                ratio(c.recall(), "no observed 503 seconds"), ratio(c.overlap(), "no 503 seconds"));
        if (c.replicasMeanAbsoluteError() != null) {
            out.printf(Locale.ROOT, "  ready replicas: mean absolute error %.2f per second%n", c.replicasMeanAbsoluteError());
        }
        for (WindowMatch m : c.windows()) {
            out.printf(Locale.ROOT, "  window %s–%s predicted: %s%n", clock.at(m.predicted().startSecond()),
                    clock.at(m.predicted().endSecond()), m.observed() == null ? "not observed"
                            : String.format(Locale.ROOT, "observed %s–%s, onset error %+d s, end error %+d s",
                                    clock.at(m.observed().startSecond()), clock.at(m.observed().endSecond()),
                                    m.onsetErrorSeconds(), m.endErrorSeconds()));
        }
        c.unmatchedObservedWindows().forEach(w -> out.printf(Locale.ROOT, "  window %s–%s observed but not predicted%n",
                clock.at(w.startSecond()), clock.at(w.endSecond())));
        Summary observed = o.observed().summary();
        out.println();
        if (observed.slo().isEmpty()) {
            out.println("  observed run against the scenario's SLOs: the scenario sets none");
        } else {
            new SummaryTable(out).printSlos("observed run against the scenario's SLOs", observed);
        }
        out.println();
        String against = c.verdict().thresholds();
        out.println(c.verdict().agrees() ? "  prediction verdict (" + against + "): the prediction holds"
                : "  prediction verdict (" + against + "): the prediction is off:");
        c.verdict().failures().forEach(f -> out.println("    - " + f));
    }

    private static String ms(Double millis) {
        return millis == null ? "—" : millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String ratio(Double r, String whyUndefined) {
        return r == null ? "n/a (" + whyUndefined + ")" : String.format(Locale.ROOT, "%.2f", r);
    }
}
