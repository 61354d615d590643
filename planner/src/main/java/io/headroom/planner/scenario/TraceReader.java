package io.headroom.planner.scenario;

import io.headroom.planner.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request-count trace: CSV, one row per bucket in time order, the request count of the
 * bucket in the LAST column (a whole number >= 0); other columns (a second or timestamp) are for
 * people and are not read. The first row may be a header (its last column is not a number); blank
 * lines and lines starting with {@code #} are skipped. A bad row is an error at {@code file:line}.
 */
final class TraceReader {
    private TraceReader() {
    }

    static List<Integer> counts(SideFile file) {
        List<String> lines = file.lines();
        List<Integer> counts = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String last = line.substring(line.lastIndexOf(',') + 1).strip();
            boolean header = first && !last.matches("[-+]?\\d+(\\.\\d+)?");
            first = false;
            if (header) {
                continue;
            }
            counts.add(count(last, file, i));
        }
        return counts;
    }

    private static int count(String text, SideFile file, int lineIndex) {
        if (text.matches("\\d{1,10}")) {
            long value = Long.parseLong(text);
            if (value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw new InvalidInputException("a trace row's last column must be a request count, a whole number >= 0, but was '"
                + text + "' (" + file.at(lineIndex) + ")");
    }
}
