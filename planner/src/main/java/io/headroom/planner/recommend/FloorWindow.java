package io.headroom.planner.recommend;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.timeline.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a scheduled floor would help, and from when to when: for 503 windows that a step or spike
 * opens (the current configuration's, from its first run that missed), a floor that makes replicas
 * ready before the window — it starts one lead before it: the startup's p99 plus the policy's
 * evaluation interval and a second, plus the nodes' provisioning when the cluster autoscales — and holds until one lead after it, by when the autoscaler asks
 * for what the load needs. The candidates are the largest window alone (short bursts elsewhere may
 * fit in the SLO), then the span of all of them. A floor is proposed only when it is short: one that
 * would span more than {@value #MAX_SHARE} of the run is left out (a permanent change is the answer).
 *
 * @param fromSecond when the floor starts
 * @param toSecond when it ends
 */
record FloorWindow(long fromSecond, long toSecond) {
    static final double MAX_SHARE = 0.5;
    private static final int SAMPLES = 20_000;

    /** The floors to try, in order: around the largest window, then around all; empty when no short floor fits. */
    static List<FloorWindow> candidates(Scenario scenario, Evaluation current) {
        List<Window> windows = current.windows();
        if (current.meetsSlo() || windows.isEmpty() || current.config().isStatic()) {
            return List.of();
        }
        long lead = (long) Math.ceil(startupP99Seconds(scenario) + nodeLeadSeconds(scenario)
                + scenario.autoscaler().newPolicy().evaluationInterval().toNanos() / 1e9) + 1;
        Window largest = windows.stream().max(Comparator.comparingLong(Window::rejected).thenComparingInt(w -> -w.startSecond()))
                .orElseThrow();
        List<FloorWindow> out = new ArrayList<>();
        around(scenario, largest.startSecond(), largest.endSecond(), lead).ifPresent(out::add);
        around(scenario, windows.get(0).startSecond(), windows.get(windows.size() - 1).endSecond(), lead)
                .filter(w -> !out.contains(w)).ifPresent(out::add);
        return out;
    }

    private static Optional<FloorWindow> around(Scenario scenario, long start, long end, long lead) {
        long duration = scenario.traffic().seconds();
        long from = Math.max(0, start - lead);
        long to = Math.min(duration, end + lead);
        return to <= from || to - from > MAX_SHARE * duration ? Optional.empty() : Optional.of(new FloorWindow(from, to));
    }

    /**
     * With a cluster autoscaler, the floor's replicas may wait for nodes too: the slowest autoscaled pool's
     * provisioning p99 plus a scan interval and the GPU pending age (30 s, the longer of the two); 0 for fixed pools.
     */
    private static double nodeLeadSeconds(Scenario scenario) {
        return scenario.cluster().filter(c -> c.autoscaler().isPresent()).map(c -> c.nodePools().stream()
                .filter(p -> p.provisioning().isPresent())
                .mapToDouble(p -> p.provisioning().get().sampledQuantileSeconds(0.99, SAMPLES)).max().orElse(0)
                + c.autoscaler().get().scanInterval().toNanos() / 1e9 + 30).orElse(0.0);
    }

    private static double startupP99Seconds(Scenario scenario) {
        return scenario.service().startup().sampledQuantileSeconds(0.99, SAMPLES);
    }
}
