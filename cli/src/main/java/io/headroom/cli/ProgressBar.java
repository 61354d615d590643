package io.headroom.cli;

import io.headroom.planner.sim.Progress;
import io.headroom.planner.time.Clock;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr with the time left, redrawn in place; silent when there is no
 * terminal (piped output, CI), so logs stay clean. The estimate is linear in the fraction done
 * ({@code elapsed × (1 − f) / f}), shown from 1 % on.
 */
final class ProgressBar implements Progress, AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private String lastLine = "";
    private boolean drawn;

    ProgressBar(PrintWriter err, String label, boolean enabled, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    static ProgressBar onTerminal(PrintWriter err, String label) {
        return new ProgressBar(err, label, System.console() != null, System::nanoTime);
    }

    @Override
    public synchronized void update(double fraction) {
        if (!enabled) {
            return;
        }
        double f = Math.max(0, Math.min(1, fraction));
        int percent = (int) Math.floor(f * 100);
        int filled = percent * WIDTH / 100;
        String line = String.format(Locale.ROOT, "%s [%s%s] %3d%%%s", label, "#".repeat(filled), " ".repeat(WIDTH - filled), percent,
                eta(f));
        if (line.equals(lastLine)) {
            return;
        }
        err.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
        err.flush();
        lastLine = line;
        drawn = true;
    }

    /** {@code  ETA 1:05}: the seconds left at the rate so far; empty before 1 % and when done. */
    private String eta(double f) {
        if (f < 0.01 || f >= 1) {
            return "";
        }
        double elapsed = (nanoTime.getAsLong() - startNanos) / 1e9;
        return "  ETA " + Clock.of((long) Math.ceil(elapsed * (1 - f) / f));
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(lastLine.length()) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
