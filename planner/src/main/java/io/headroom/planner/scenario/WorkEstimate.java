package io.headroom.planner.scenario;

import io.headroom.planner.time.Durations;
import io.headroom.planner.traffic.Traffic;
import java.util.Locale;

/**
 * The work a scenario asks for, estimated at load from its traffic alone: the expected number of
 * requests (the integral of the rate over {@code traffic.duration}) times the runs, and the
 * timeline's length (one row per second). A scenario above its {@link LoadLimits} is refused with
 * one line naming the limit and the option that lifts it, instead of starting a run that would
 * exhaust memory or never end ({@code rps: 1e9}, {@code duration: 36500d}).
 */
final class WorkEstimate {
    private WorkEstimate() {
    }

    /** Refuses a {@code traffic.duration} longer than the timeline limit. */
    static void checkTimeline(java.time.Duration duration, LoadLimits limits, Node durationNode) {
        if (duration.compareTo(limits.maxTimeline()) > 0) {
            throw Section.error("traffic.duration must be <= " + Durations.format(limits.maxTimeline())
                    + ", the longest timeline allowed (one row per second; raise it with --max-timeline DURATION)",
                    durationNode);
        }
    }

    /** Refuses traffic whose expected requests times the runs exceed the request limit. */
    static void checkRequests(Traffic traffic, LoadLimits limits, Node durationNode) {
        double requests = traffic.expectedRequests();
        double total = requests * limits.runs() * limits.configurations();
        if (total > limits.maxRequests()) {
            String runs = (limits.runs() == 1 ? "1 run" : limits.runs() + " runs")
                    + (limits.configurations() == 1 ? "" : " x " + limits.configurations() + " configurations searched");
            throw Section.error("the expected requests of the traffic times the runs must be <= " + limits.maxRequests()
                    + " (raise the limit with --max-requests N, or lower the rate, traffic.duration or --runs)",
                    String.format(Locale.ROOT, "%.3g (%.3g requests over %s x %s)", total, requests,
                            Durations.format(traffic.duration()), runs), durationNode.location());
        }
    }
}
