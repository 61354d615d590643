package io.headroom.planner.timeline;

import io.headroom.planner.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code timeline.csv}: one row per second, the same columns for predicted and observed runs
 * (observed runs leave the replica columns empty when the endpoint does not expose them; an empty
 * latency cell means no request of that second was served).
 */
public final class TimelineCsv {
    /** The header, in column order. */
    public static final String HEADER = "second,arrivals,ok,rejected503,timeout504,error502,latencyP50Ms,latencyP99Ms,"
            + "readyReplicas,startingReplicas,desiredReplicas,busySlots,queueLength,pendingReplicas,crashLoopingReplicas,"
            + "limitedByMax";
    private static final int COLUMNS = HEADER.split(",").length;

    private TimelineCsv() {
    }

    public static void write(List<TimelineRow> rows, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(128);
        for (TimelineRow r : rows) {
            line.setLength(0);
            line.append(r.second()).append(',').append(r.arrivals()).append(',').append(r.ok()).append(',')
                    .append(r.rejected503()).append(',').append(r.timeout504()).append(',').append(r.error502()).append(',')
                    .append(ms(r.latencyP50Ms())).append(',').append(ms(r.latencyP99Ms()));
            ReplicaSample s = r.replicas();
            if (s == null) {
                line.append(",,,,,,,,");
            } else {
                line.append(',').append(s.ready()).append(',').append(s.starting()).append(',').append(s.desired())
                        .append(',').append(s.busySlots()).append(',').append(s.queueLength()).append(',')
                        .append(s.pending()).append(',').append(s.crashLooping()).append(',').append(s.limitedByMax());
            }
            out.write(line.append('\n').toString());
        }
    }

    public static void write(List<TimelineRow> rows, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a timeline written by {@link #write}; a malformed file is an {@link InvalidInputException} naming file and line. */
    public static List<TimelineRow> read(Path file) {
        List<TimelineRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.trim().equals(HEADER)) {
                throw new InvalidInputException("timeline header must be '" + HEADER + "' but was '" + header + "' (" + file + ":1)");
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(parse(line, file + ":" + number));
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read timeline " + file + ": " + e.getMessage(), e);
        }
        return List.copyOf(rows);
    }

    private static TimelineRow parse(String line, String where) {
        String[] c = line.split(",", -1);
        if (c.length != COLUMNS) {
            throw new InvalidInputException("a timeline row needs " + COLUMNS + " columns but had " + c.length + " (" + where + ")");
        }
        try {
            ReplicaSample sample = c[8].isEmpty() ? null : new ReplicaSample(Integer.parseInt(c[8]), Integer.parseInt(c[9]),
                    Integer.parseInt(c[10]), Long.parseLong(c[11]), Long.parseLong(c[12]), Integer.parseInt(c[13]),
                    Integer.parseInt(c[14]), Boolean.parseBoolean(c[15]));
            return new TimelineRow(Integer.parseInt(c[0]), Long.parseLong(c[1]), Long.parseLong(c[2]), Long.parseLong(c[3]),
                    Long.parseLong(c[4]), Long.parseLong(c[5]), c[6].isEmpty() ? Double.NaN : Double.parseDouble(c[6]),
                    c[7].isEmpty() ? Double.NaN : Double.parseDouble(c[7]), sample);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("a timeline row holds numbers but had '" + line + "' (" + where + "): " + e.getMessage(), e);
        }
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
