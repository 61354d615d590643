package io.headroom.planner.scenario;

import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request-count trace: CSV, one row per bucket in time order, the request count of the
 * bucket in the LAST column (a whole number >= 0); other columns (a second or timestamp) are for
 * people and are not read. The first row may be a header (its last column is not a number); blank
 * lines and lines starting with {@code #} are skipped. A bad row is an error at
 * {@code file:line:column} quoting a short excerpt of the value.
 */
final class TraceReader {
    private TraceReader() {
    }

    static List<Integer> counts(SideFile file) {
        List<String> lines = file.lines();
        List<Integer> counts = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int fieldStart = raw.lastIndexOf(',') + 1;
            String last = raw.substring(fieldStart).strip();
            int column = last.isEmpty() ? fieldStart : raw.indexOf(last, fieldStart);
            boolean header = first && !last.matches("[-+]?\\d+(\\.\\d+)?");
            first = false;
            if (header) {
                continue;
            }
            counts.add(count(last, file, i, column));
        }
        return counts;
    }

    private static int count(String text, SideFile file, int lineIndex, int column) {
        if (text.matches("\\d{1,10}")) {
            long value = Long.parseLong(text);
            if (value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw new InvalidInputException("a trace row's last column must be a request count, a whole number >= 0, but was "
                + Excerpt.quoted(text) + " (" + file.at(lineIndex, column) + ")");
    }
}
