package io.headroom.planner.calibrate;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.TextFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads a load test's {@code latency.hlog} through HdrHistogram's {@link HistogramLogReader} and adds
 * its interval histograms (latency in µs) into one, skipping the intervals that start within the
 * warm-up. Nothing else about the log is assumed (how intervals are keyed, their length, tags). A
 * log the reader cannot decode is an error at the {@code file:line} of the interval line it failed on.
 */
public final class LatencyLog {
    /** The largest log read: a day of per-second intervals is about 20 MB. */
    static final long MAX_BYTES = 128L * 1024 * 1024;

    private LatencyLog() {
    }

    /** The sum of the intervals of {@code file} that start at least {@code skip} after the first one. */
    public static Histogram read(Path file, Duration skip) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("cannot read latency log " + file + ": no such file (a load test's output folder holds"
                    + " latency.hlog)");
        }
        String text = TextFile.read(file, MAX_BYTES);
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        Histogram sum = null;
        Long firstStartMillis = null;
        int read = 0;
        while (true) {
            EncodableHistogram next;
            try {
                next = reader.nextIntervalHistogram();
            } catch (RuntimeException e) {
                throw new InvalidInputException("a latency log must hold HdrHistogram interval lines (start,length,max,base64)"
                        + " but this one could not be decoded: " + e.getClass().getSimpleName() + " (" + file + ":"
                        + lineOfInterval(text, read) + ":1)", e);
            }
            if (next == null) {
                break;
            }
            read++;
            if (!(next instanceof AbstractHistogram h)) {
                throw new InvalidInputException("a latency log must hold integer-valued histograms (µs) but interval " + read
                        + " is a " + next.getClass().getSimpleName() + " (" + file + ":" + lineOfInterval(text, read - 1) + ":1)");
            }
            if (firstStartMillis == null) {
                firstStartMillis = h.getStartTimeStamp();
            }
            if (h.getStartTimeStamp() - firstStartMillis < skip.toMillis()) {
                continue;
            }
            if (sum == null) {
                sum = new Histogram(Math.max(h.getHighestTrackableValue(), 2 * h.getLowestDiscernibleValue()),
                        h.getNumberOfSignificantValueDigits());
                sum.setAutoResize(true);
            }
            sum.add(h);
        }
        if (sum == null || sum.getTotalCount() == 0) {
            throw new InvalidInputException("a latency log must hold latencies after the warm-up (" + io.headroom.planner.time.Durations
                    .format(skip) + ") but " + file + " had " + (read == 0 ? "no intervals" : "none after it, in " + read
                            + " intervals") + " (" + file + ":1:1)");
        }
        return sum;
    }

    /** The 1-based line of the interval line with 0-based index {@code index} (comment and legend lines skipped). */
    private static int lineOfInterval(String text, int index) {
        String[] lines = text.split("\\r?\\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("\"StartTimestamp\"")) {
                continue;
            }
            if (seen++ == index) {
                return i + 1;
            }
        }
        return lines.length;
    }
}
