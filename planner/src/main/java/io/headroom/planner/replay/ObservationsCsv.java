package io.headroom.planner.replay;

import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.TextFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV of observed metrics, one row per controller sync, with a header row naming the columns.
 * Columns are found by name (any order; unknown columns are an error). Blank lines and {@code #}
 * comments are skipped. Every cell is a number; {@code time} (seconds since the start) increases
 * strictly. Errors name {@code file:line:column}, the rule and the value.
 */
final class ObservationsCsv {
    /** Larger files are refused: a day of 1 s syncs is 86,400 rows, far below this. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** One data row: its line number and its cells by column name. */
    record Row(int line, Map<String, Double> cells) {
        double get(String column) {
            return cells.get(column);
        }
    }

    private ObservationsCsv() {
    }

    /**
     * The rows of {@code file}, whose header must hold exactly {@code columns}; {@code wholeNumbers}
     * are the columns that must be whole numbers &gt;= 0.
     */
    static List<Row> read(Path file, List<String> columns, List<String> wholeNumbers) {
        String text = TextFile.read(file, MAX_BYTES);
        String[] lines = text.split("\r?\n", -1);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        double lastTime = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            if (header == null) {
                header = header(file, i + 1, cells, columns);
                continue;
            }
            if (cells.length != header.size()) {
                throw new InvalidInputException("a row must have " + header.size() + " cells (" + String.join(",", header)
                        + ") but had " + cells.length + ": '" + Excerpt.of(lines[i]) + "' (" + file + ":" + (i + 1) + ":1)");
            }
            Map<String, Double> values = new HashMap<>();
            int column = 1;
            for (int c = 0; c < cells.length; c++) {
                String name = header.get(c);
                double v = number(file, i + 1, column, name, cells[c], wholeNumbers.contains(name));
                values.put(name, v);
                column += cells[c].length() + 1;
            }
            double time = values.get("time");
            if (!(time > lastTime)) {
                throw new InvalidInputException("time must increase from row to row but was " + cells[header.indexOf("time")].strip()
                        + " after " + lastTime + " (" + file + ":" + (i + 1) + ":1)");
            }
            lastTime = time;
            rows.add(new Row(i + 1, values));
        }
        if (header == null) {
            throw new InvalidInputException("an observations file needs a header row (" + String.join(",", columns) + ") but "
                    + file + " is empty (" + file + ":1:1)");
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("an observations file needs at least one row after its header (" + file + ":1:1)");
        }
        return rows;
    }

    /** The column names of {@code file}'s header row (its first line that is not blank or a comment), unchecked; empty when it has none. */
    static List<String> header(Path file) {
        for (String line : TextFile.read(file, MAX_BYTES).split("\r?\n", -1)) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return java.util.Arrays.stream(stripped.split(",", -1)).map(String::strip).toList();
            }
        }
        return List.of();
    }

    private static List<String> header(Path file, int line, String[] cells, List<String> columns) {
        List<String> header = new ArrayList<>();
        int column = 1;
        for (String cell : cells) {
            String name = cell.strip();
            if (!columns.contains(name)) {
                throw new InvalidInputException("the header's columns must be " + String.join(",", columns) + " (any order) but had '"
                        + Excerpt.of(name) + "' (" + file + ":" + line + ":" + column + ")");
            }
            if (header.contains(name)) {
                throw new InvalidInputException("the header names column '" + name + "' twice (" + file + ":" + line + ":" + column + ")");
            }
            header.add(name);
            column += cell.length() + 1;
        }
        for (String required : columns) {
            if (!header.contains(required)) {
                throw new InvalidInputException("the header must have a column '" + required + "' (columns: " + String.join(",", columns)
                        + ") (" + file + ":" + line + ":1)");
            }
        }
        return header;
    }

    private static double number(Path file, int line, int column, String name, String cell, boolean whole) {
        String text = cell.strip();
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a number but was '" + Excerpt.of(text) + "' (" + file + ":" + line + ":"
                    + column + ")");
        }
        if (!Double.isFinite(v) || v < 0 || (whole && v != Math.rint(v)) || v > 1e12) {
            throw new InvalidInputException(name + " must be " + (whole ? "a whole number" : "a number") + " >= 0 but was '"
                    + Excerpt.of(text) + "' (" + file + ":" + line + ":" + column + ")");
        }
        return v;
    }
}
