package io.headroom.planner.timeline;

import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.TextFile;
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
    /** The largest timeline read: a week of rows is about 50 MB. */
    private static final long MAX_BYTES = 256L * 1024 * 1024;

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

    /**
     * Reads a timeline written by {@link #write}, validated like a scenario: a file that is not
     * UTF-8 text, a header that is truncated or reordered, no rows, a row with the wrong number of
     * cells, a cell that is not a number of its column's kind, a negative count, or seconds out of
     * order is an {@link InvalidInputException} naming {@code file:line:column} and quoting a short
     * excerpt of the value.
     */
    public static List<TimelineRow> read(Path file) {
        String text = TextFile.read(file, MAX_BYTES);
        String[] lines = text.split("\\r?\\n", -1);
        String header = lines[0];
        if (text.isBlank()) {
            throw new InvalidInputException("a timeline must start with its header line but the file was empty (" + file + ":1:1)");
        }
        if (!header.strip().equals(HEADER)) {
            String[] names = header.strip().split(",", -1);
            String[] expected = HEADER.split(",");
            int i = 0;
            while (i < Math.min(names.length, expected.length) && names[i].strip().equals(expected[i])) {
                i++;
            }
            String problem = i < names.length && i < expected.length ? "column " + (i + 1) + " must be '" + expected[i] + "'"
                    : names.length < expected.length ? "column " + (i + 1) + " '" + expected[i] + "' is missing"
                    : "it has more than " + expected.length + " columns";
            throw new InvalidInputException("a timeline's header must be the " + COLUMNS + " columns " + expected[0] + ", "
                    + expected[1] + ", …, " + expected[COLUMNS - 1] + ", in that order, but " + problem + "; the header was "
                    + Excerpt.quoted(header) + " (" + file + ":1:" + (header.isEmpty() ? 1 : column(header, i)) + ")");
        }
        List<TimelineRow> rows = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            TimelineRow row = parse(lines[n], file, n + 1);
            if (row.second() != rows.size()) {
                throw new InvalidInputException("a timeline's rows must be seconds 0, 1, 2, … in order, so this one must be second "
                        + rows.size() + " but was " + row.second() + " (" + file + ":" + (n + 1) + ":1)");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("a timeline must hold at least one row after its header but was empty (" + file
                    + ":2:1)");
        }
        return List.copyOf(rows);
    }

    /** 1-based column of cell {@code cell} (0-based) of a comma-separated line. */
    private static int column(String line, int cell) {
        int at = 0;
        for (int i = 0; i < cell; i++) {
            int comma = line.indexOf(',', at);
            if (comma < 0) {
                return line.length() + 1;
            }
            at = comma + 1;
        }
        return at + 1;
    }

    private static TimelineRow parse(String line, Path file, int lineNumber) {
        String[] c = line.split(",", -1);
        if (c.length != COLUMNS) {
            throw new InvalidInputException("a timeline row needs " + COLUMNS + " cells but had " + c.length + ": "
                    + Excerpt.quoted(line) + " (" + file + ":" + lineNumber + ":1)");
        }
        Cells cells = new Cells(c, line, file, lineNumber);
        ReplicaSample sample = c[8].isEmpty() ? null : new ReplicaSample(cells.count(8), cells.count(9), cells.count(10),
                cells.count(11), cells.count(12), cells.count(13), cells.count(14), cells.bool(15));
        return new TimelineRow(cells.count(0), cells.count(1), cells.count(2), cells.count(3), cells.count(4), cells.count(5),
                cells.millis(6), cells.millis(7), sample);
    }

    /** The cells of one row, each read with its own located error. */
    private record Cells(String[] c, String line, Path file, int lineNumber) {
        int count(int i) {
            String cell = c[i].strip();
            if (cell.matches("\\d{1,9}")) {
                return Integer.parseInt(cell);
            }
            throw error(i, "a whole number >= 0");
        }

        double millis(int i) {
            String cell = c[i].strip();
            if (cell.isEmpty()) {
                return Double.NaN;
            }
            if (cell.matches("\\d{1,12}(\\.\\d{1,9})?")) {
                return Double.parseDouble(cell);
            }
            throw error(i, "milliseconds >= 0, or empty");
        }

        boolean bool(int i) {
            String cell = c[i].strip();
            if (cell.equals("true") || cell.equals("false")) {
                return cell.equals("true");
            }
            throw error(i, "true or false");
        }

        private InvalidInputException error(int i, String rule) {
            String[] names = HEADER.split(",");
            return new InvalidInputException("a timeline's " + names[i] + " must be " + rule + " but was " + Excerpt.quoted(c[i])
                    + " (" + file + ":" + lineNumber + ":" + column(line, i) + ")");
        }
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
