package io.headroom.cli;

import io.headroom.planner.sim.EngineComparison;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The accuracy table of {@code bench engines}: one row per scenario, each measure with its verdict. */
final class EngineTable {
    private static final String ROW = "%-30s %9s %9s %-4s %-26s %-4s %9s %9s %-4s %9s %8s%n";
    private final PrintWriter out;

    EngineTable(PrintWriter out) {
        this.out = out;
    }

    void header() {
        out.printf(Locale.ROOT, ROW, "scenario", "503 DES", "503 fast", "", "DES onsets (fast error s)", "", "rh DES", "rh fast", "",
                "DES seeds", "DES s");
        out.printf(Locale.ROOT, ROW, "", "", "", "", "", "", "", "", "", "503 / rh", "fast s");
    }

    void row(EngineComparison c) {
        out.printf(Locale.ROOT, ROW, c.scenario().length() > 30 ? c.scenario().substring(0, 29) + "…" : c.scenario(),
                percent(c.des503Fraction()), percent(c.fast503Fraction()), verdict(c.meets503()), onsets(c), verdict(c.meetsWindows()),
                String.format(Locale.ROOT, "%.2f", c.desReplicaHours()), String.format(Locale.ROOT, "%.2f", c.fastReplicaHours()),
                verdict(c.meetsReplicaHours()), String.format(Locale.ROOT, "%.2fpp/%.0f%%", 100 * c.des503Spread(),
                        100 * c.desReplicaHoursSpread()), String.format(Locale.ROOT, "%.2f/%.3f", c.desSeconds(), c.fastSeconds()));
    }

    void footer(List<EngineComparison> rows) {
        List<String> missed = new ArrayList<>();
        for (EngineComparison c : rows) {
            if (!c.meetsAll()) {
                missed.add(c.scenario());
            }
        }
        out.printf(Locale.ROOT, "%d of %d scenarios meet every tolerance%s%n", rows.size() - missed.size(), rows.size(),
                missed.isEmpty() ? "" : "; missed: " + String.join(", ", missed));
    }

    private static String onsets(EngineComparison c) {
        if (c.desOnsets().isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.desOnsets().size(); i++) {
            int error = c.fastOnsetErrors().get(i);
            b.append(i == 0 ? "" : " ").append(io.headroom.planner.time.Clock.of(c.desOnsets().get(i)))
                    .append('(').append(error == Integer.MAX_VALUE ? "none" : (error > 0 ? "+" : "") + error).append(')');
        }
        return b.length() > 26 ? b.substring(0, 25) + "…" : b.toString();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3f%%", 100 * fraction);
    }

    private static String verdict(boolean met) {
        return met ? "ok" : "MISS";
    }
}
