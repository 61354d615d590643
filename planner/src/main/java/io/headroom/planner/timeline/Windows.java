package io.headroom.planner.timeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Finds 503 windows in a timeline, predicted or observed. */
public final class Windows {
    /** Seconds without 503 that still join two runs into one window. */
    public static final int DEFAULT_MERGE_GAP_SECONDS = 5;

    private Windows() {
    }

    /**
     * Maximal runs of seconds with at least one 503, where runs separated by at most
     * {@code mergeGapSeconds} quiet seconds merge. The cause of a window is the per-second cause
     * ({@link WindowCause#of}) that accounts for most of its 503s.
     */
    public static List<Window> find(List<TimelineRow> rows, int mergeGapSeconds) {
        List<Window> windows = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            if (rows.get(i).rejected503() == 0) {
                i++;
                continue;
            }
            int start = i;
            int lastWith503 = i;
            int j = i + 1;
            while (j < rows.size() && j - lastWith503 <= mergeGapSeconds + 1) {
                if (rows.get(j).rejected503() > 0) {
                    lastWith503 = j;
                }
                j++;
            }
            windows.add(window(rows.subList(start, lastWith503 + 1)));
            i = lastWith503 + 1;
        }
        return List.copyOf(windows);
    }

    private static Window window(List<TimelineRow> rows) {
        long rejected = 0;
        long peakRejected = 0;
        long peakArrivals = 0;
        Map<WindowCause, Long> byCause = new EnumMap<>(WindowCause.class);
        for (TimelineRow r : rows) {
            rejected += r.rejected503();
            peakRejected = Math.max(peakRejected, r.rejected503());
            peakArrivals = Math.max(peakArrivals, r.arrivals());
            if (r.replicas() != null && r.rejected503() > 0) {
                byCause.merge(WindowCause.of(r.replicas()), r.rejected503(), Long::sum);
            }
        }
        WindowCause cause = null;
        long best = 0;
        for (Map.Entry<WindowCause, Long> e : byCause.entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                cause = e.getKey();
            }
        }
        TimelineRow first = rows.get(0);
        TimelineRow last = rows.get(rows.size() - 1);
        return new Window(first.second(), last.second() + 1, rejected, peakRejected, peakArrivals, cause);
    }
}
