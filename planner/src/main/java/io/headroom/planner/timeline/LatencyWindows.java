package io.headroom.planner.timeline;

import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds latency windows in a timeline: the seconds whose p99 exceeds the latency objective. Reported
 * for {@code policy: knative}, whose activator holds requests rather than refusing them, so that its
 * users see latency where azureml-fe's would see 503 (other policies keep their 503 windows only).
 */
public final class LatencyWindows {
    private LatencyWindows() {
    }

    /** A run of {@code scenario}'s latency windows: for policy knative, on its p99 objective (5 s gaps merge); else none. */
    public static List<LatencyWindow> of(Scenario scenario, List<TimelineRow> rows) {
        return find(rows, limit(scenario), Windows.DEFAULT_MERGE_GAP_SECONDS);
    }

    /** The p99 limit {@link #of} finds {@code scenario}'s latency windows on: its p99 objective for policy knative, else none. */
    public static Optional<Duration> limit(Scenario scenario) {
        boolean knative = scenario.service().routing().mode() == Routing.Mode.KNATIVE;
        return knative ? scenario.slo().latencyP99() : Optional.empty();
    }

    /**
     * Maximal runs of slow seconds, runs separated by at most {@code mergeGapSeconds} other seconds
     * merging (as 503 windows do). A second is slow when its latency p99 is above {@code p99Limit} and
     * its replica sample explains it — a cold start, replicas still starting (panic too late), or the
     * cap ({@link LatencyCause#of}); a second over the limit while every replica asked for was ready and
     * uncapped is the service's own tail (a p99 of a few dozen requests is their slowest one), not a
     * window. Seconds without replica data (observed) are slow on their p99 alone, cause unknown. The
     * cause of a window is that of most of its slow seconds' requests. None without a limit.
     */
    public static List<LatencyWindow> find(List<TimelineRow> rows, Optional<Duration> p99Limit, int mergeGapSeconds) {
        if (p99Limit.isEmpty()) {
            return List.of();
        }
        double limitMs = p99Limit.get().toNanos() / 1e6;
        List<LatencyWindow> windows = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            if (!slow(rows.get(i), limitMs)) {
                i++;
                continue;
            }
            int start = i;
            int lastSlow = i;
            int j = i + 1;
            while (j < rows.size() && j - lastSlow <= mergeGapSeconds + 1) {
                if (slow(rows.get(j), limitMs)) {
                    lastSlow = j;
                }
                j++;
            }
            windows.add(window(rows.subList(start, lastSlow + 1), limitMs));
            i = lastSlow + 1;
        }
        return List.copyOf(windows);
    }

    private static boolean slow(TimelineRow r, double limitMs) {
        return !Double.isNaN(r.latencyP99Ms()) && r.latencyP99Ms() > limitMs
                && (r.replicas() == null || LatencyCause.of(r.replicas()) != LatencyCause.SERVICE_TIME);
    }

    private static LatencyWindow window(List<TimelineRow> rows, double limitMs) {
        long requests = 0;
        double peak = 0;
        Map<LatencyCause, Long> byCause = new EnumMap<>(LatencyCause.class);
        for (TimelineRow r : rows) {
            if (!slow(r, limitMs)) {
                continue;
            }
            requests += r.arrivals();
            peak = Math.max(peak, r.latencyP99Ms());
            if (r.replicas() != null) {
                byCause.merge(LatencyCause.of(r.replicas()), Math.max(1, r.arrivals()), Long::sum);
            }
        }
        LatencyCause cause = null;
        long best = 0;
        for (Map.Entry<LatencyCause, Long> e : byCause.entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                cause = e.getKey();
            }
        }
        return new LatencyWindow(rows.get(0).second(), rows.get(rows.size() - 1).second() + 1, requests, peak, cause);
    }
}
