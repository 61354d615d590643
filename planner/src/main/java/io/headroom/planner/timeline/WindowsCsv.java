package io.headroom.planner.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code windows.csv}: one row per 503 window. */
public final class WindowsCsv {
    public static final String HEADER = "startSecond,endSecond,seconds,rejected,peakRejectedPerSecond,peakArrivalsPerSecond,cause";

    private WindowsCsv() {
    }

    public static void write(List<Window> windows, Writer out) throws IOException {
        out.write(HEADER + "\n");
        for (Window w : windows) {
            out.write(w.startSecond() + "," + w.endSecond() + "," + w.seconds() + "," + w.rejected() + ","
                    + w.peakRejectedPerSecond() + "," + w.peakArrivalsPerSecond() + "," + (w.cause() == null ? "" : w.cause().label())
                    + "\n");
        }
    }

    public static void write(List<Window> windows, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(windows, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
