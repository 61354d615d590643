package io.headroom.planner.scenario;

import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a timestamp/value CSV such as Grafana's panel "Inspect → Data → Download CSV" writes
 * ({@code toCSV} in grafana/grafana {@code packages/grafana-data/src/utils/csv.ts}): the delimiter
 * is the browser locale's list separator, {@code ,} or {@code ;} (sniffed from the header, or given
 * by a first line {@code sep=;} as "Download for Excel" writes), lines end in CRLF or LF, names may be
 * quoted. The first column is the time: epoch milliseconds (Grafana's unformatted time; epoch
 * seconds when its header says so: {@code s}, {@code seconds}, {@code epoch}, {@code unix}), or a
 * formatted timestamp ({@code 2024-03-04 08:45:00}, an offset or {@code Z}; without one it is read
 * as UTC). Every further column is a series, and the series are summed; an empty cell (Grafana's
 * null) is a gap. A second frame (after a blank line) is refused: export one series, or "Series
 * joined by time". With {@code ;} as the delimiter a decimal comma is accepted.
 */
final class GrafanaCsvTrace {
    private static final String SOURCE = "a timestamp/value CSV";
    static final Set<String> SECONDS_HEADERS = Set.of("s", "sec", "secs", "second", "seconds", "epoch", "unix",
            "epochseconds", "times");

    private GrafanaCsvTrace() {
    }

    /** Whether the lines look like a Grafana export rather than headroom's own CSV of counts: a {@code sep=} line, {@code ;} or a quoted header. */
    static boolean recognizes(List<String> lines) {
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            return s.toLowerCase(Locale.ROOT).startsWith("sep=") || s.indexOf(';') >= 0 || s.startsWith("\"");
        }
        return false;
    }

    static TraceReader.Rows read(SideFile file, TraceValues values) {
        List<String> lines = file.lines();
        char delimiter = 0;
        boolean seconds = false;
        boolean headerSeen = false;
        int columns = -1;
        boolean frameEnded = false;
        List<TimedPoint> points = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty()) {
                frameEnded = !points.isEmpty() || headerSeen;
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (frameEnded) {
                throw new InvalidInputException(SOURCE + " must hold one frame (one table), but another starts after a blank line;"
                        + " export one series, or use Grafana's \"Series joined by time\" (" + file.at(i, 0) + ")");
            }
            if (delimiter == 0 && line.toLowerCase(Locale.ROOT).startsWith("sep=")) {
                String sep = line.substring(4);
                if (!sep.equals(",") && !sep.equals(";")) {
                    throw new InvalidInputException(SOURCE + "'s sep= line must name , or ; but was " + Excerpt.quoted(sep) + " ("
                            + file.at(i, 4) + ")");
                }
                delimiter = sep.charAt(0);
                continue;
            }
            if (delimiter == 0) {
                delimiter = line.indexOf(';') >= 0 ? ';' : ',';
            }
            List<int[]> spans = cells(raw, delimiter);
            String first = cell(raw, spans.get(0));
            boolean isTime = first.matches("\\d{1,15}(\\.\\d+)?") || TraceReader.TimeColumn.timestamp(first) != null;
            if (!headerSeen && points.isEmpty() && !isTime) {
                headerSeen = true;
                seconds = SECONDS_HEADERS.contains(first.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
                columns = spans.size();
                if (columns < 2) {
                    throw new InvalidInputException(SOURCE + " needs a time column and at least one value column, separated by '"
                            + delimiter + "', but its header has one column: " + Excerpt.quoted(line) + " (" + file.at(i, 0) + ")");
                }
                continue;
            }
            if (columns < 0) {
                columns = spans.size();
            }
            if (spans.size() != columns || columns < 2) {
                throw new InvalidInputException(SOURCE + "'s rows must have " + Math.max(columns, 2) + " cells separated by '"
                        + delimiter + "' (a time, then the values) but this one has " + spans.size() + ": " + Excerpt.quoted(line)
                        + " (" + file.at(i, 0) + ")");
            }
            String at = file.at(i, spans.get(0)[0]);
            long millis = millis(first, seconds, at);
            double sum = 0;
            for (int c = 1; c < spans.size(); c++) {
                String text = cell(raw, spans.get(c));
                String where = file.at(i, spans.get(c)[0]);
                if (text.isEmpty()) {
                    throw new InvalidInputException(SOURCE + " must have no gaps, but this value is empty (Grafana's null)"
                            + " (" + where + ")");
                }
                String number = delimiter == ';' ? text.replace(',', '.') : text;
                if (!number.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|NaN")) {
                    throw new InvalidInputException(SOURCE + "'s values must be numbers >= 0 but was " + Excerpt.quoted(text)
                            + " (" + where + ")");
                }
                sum += Double.parseDouble(number);
            }
            points.add(new TimedPoint(millis, sum, at));
        }
        return TimedSeries.rows(points, values, SOURCE, file.toString());
    }

    static long millis(String cell, boolean seconds, String at) {
        if (cell.matches("\\d{1,15}(\\.\\d+)?")) {
            return new java.math.BigDecimal(cell).movePointRight(seconds ? 3 : 0).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValue();
        }
        Long nanos = TraceReader.TimeColumn.timestamp(cell);
        if (nanos == null) {
            throw new InvalidInputException(SOURCE + "'s first column must be a time (epoch milliseconds, or a timestamp such as"
                    + " 2024-03-04 08:45:00) but was " + Excerpt.quoted(cell) + " (" + at + ")");
        }
        return Math.floorDiv(nanos, 1_000_000L);
    }

    /** The [start, end) character spans of the cells of {@code line}, quotes honoured. */
    static List<int[]> cells(String line, char delimiter) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                spans.add(new int[] {start, i});
                start = i + 1;
            }
        }
        spans.add(new int[] {start, line.length()});
        return spans;
    }

    static String cell(String line, int[] span) {
        String text = line.substring(span[0], span[1]).strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }
}
