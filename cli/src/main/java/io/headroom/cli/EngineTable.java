package io.headroom.cli;

import io.headroom.planner.sim.EngineComparison;
import io.headroom.planner.time.Clock;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The accuracy table of {@code bench engines}: one row per scenario, each measure with its verdict;
 * under a row whose windows miss, a line per missed window with the fast onset's error and the DES
 * against itself.
 */
final class EngineTable {
    private static final String ROW = "%-30s %8s %8s %-4s %-17s %-4s %-8s %8s %8s %-4s %-14s %-14s %s%n";
    private final PrintWriter out;

    EngineTable(PrintWriter out) {
        this.out = out;
    }

    void header() {
        out.printf(Locale.ROOT, ROW, "scenario", "503 DES", "503 fast", "", "windows found", "", "DES on", "rh DES", "rh fast", "",
                "1 run DES", "1 run fast", "s/run");
        out.printf(Locale.ROOT, ROW, "", "", "", "", "(worst error s)", "", "others", "", "", "", "503 / rh", "503 / rh", "DES/fast");
    }

    void row(EngineComparison c) {
        out.printf(Locale.ROOT, ROW, fit(c.scenario(), 30),
                percent(c.des503Fraction()), percent(c.fast503Fraction()), verdict(c.meets503()), windows(c), verdict(c.meetsWindows()),
                selfFound(c), String.format(Locale.ROOT, "%.2f", c.desReplicaHours()), String.format(Locale.ROOT, "%.2f", c.fastReplicaHours()),
                verdict(c.meetsReplicaHours()), spread(c.des503Spread(), c.desReplicaHoursSpread()),
                spread(c.fast503Spread(), c.fastReplicaHoursSpread()),
                String.format(Locale.ROOT, "%.2f/%.3f", c.desSeconds(), c.fastSeconds()));
        for (int i = 0; i < c.desOnsets().size(); i++) {
            if (!c.fastFinds(i)) {
                out.printf(Locale.ROOT, "    window at %s: fast %s; DES on %d other seeds %s%n", Clock.of(c.desOnsets().get(i)),
                        error(c.fastOnsetErrors().get(i)), c.runs(), error(c.desSelfErrors().get(i)));
            }
        }
    }

    void footer(List<EngineComparison> rows) {
        List<String> missed = new ArrayList<>();
        int windows = 0;
        int found = 0;
        int reproduced = 0;
        int foundWhereReproduced = 0;
        for (EngineComparison c : rows) {
            if (!c.meetsAll()) {
                missed.add(c.scenario());
            }
            for (int i = 0; i < c.desOnsets().size(); i++) {
                boolean hit = c.fastFinds(i);
                windows++;
                found += hit ? 1 : 0;
                if (c.desReproduces(i)) {
                    reproduced++;
                    foundWhereReproduced += hit ? 1 : 0;
                }
            }
        }
        out.printf(Locale.ROOT, "%d of %d scenarios meet every tolerance%s%n", rows.size() - missed.size(), rows.size(),
                missed.isEmpty() ? "" : "; missed: " + String.join(", ", missed));
        out.printf(Locale.ROOT, "windows: the fast engine finds %d of %d within %d s; DES on other seeds finds %d of %d, and on those"
                + " the fast engine finds %d%n", found, windows, EngineComparison.ONSET_TOLERANCE_SECONDS, reproduced, windows,
                foundWhereReproduced);
    }

    /** {@code name} cut to {@code width} characters, an ellipsis marking the cut. */
    static String fit(String name, int width) {
        return name.length() > width ? name.substring(0, width - 1) + "…" : name;
    }

    private static String windows(EngineComparison c) {
        if (c.desOnsets().isEmpty()) {
            return "none";
        }
        long worst = 0;
        for (int e : c.fastOnsetErrors()) {
            if (Math.abs((long) e) > Math.abs(worst)) {
                worst = e;
            }
        }
        return String.format(Locale.ROOT, "%d/%d (%s)", c.windowsFound(), c.desOnsets().size(), error(worst));
    }

    /** How many of the DES windows independent DES seeds find within the tolerance: what the criterion can tell apart. */
    private static String selfFound(EngineComparison c) {
        if (c.desOnsets().isEmpty()) {
            return "none";
        }
        int found = 0;
        for (int i = 0; i < c.desOnsets().size(); i++) {
            found += c.desReproduces(i) ? 1 : 0;
        }
        return found + "/" + c.desOnsets().size();
    }

    private static String error(long error) {
        return error == EngineComparison.NO_WINDOW ? "none" : (error > 0 ? "+" : "") + error + " s";
    }

    private static String spread(double spread503, double spreadHours) {
        return String.format(Locale.ROOT, "%.2fpp/%.0f%%", 100 * spread503, 100 * spreadHours);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3f%%", 100 * fraction);
    }

    private static String verdict(boolean met) {
        return met ? "ok" : "MISS";
    }
}
