package io.headroom.cli;

import io.headroom.planner.sim.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn in place; silent when there is no terminal (piped
 * output, CI), so logs stay clean.
 */
final class ProgressBar implements Progress, AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private int lastPercent = -1;
    private boolean drawn;

    private ProgressBar(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
    }

    static ProgressBar onTerminal(PrintWriter err, String label) {
        return new ProgressBar(err, label, System.console() != null);
    }

    @Override
    public synchronized void update(double fraction) {
        int percent = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
        if (!enabled || percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%%", label, "#".repeat(filled), " ".repeat(WIDTH - filled), percent));
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 8) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
