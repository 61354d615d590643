package io.headroom.planner.calibrate;

import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Totals;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a run's latencies are service times: at low load the router queue wait is about 0, so
 * latency ≈ S (note §1.1). The run is refused when it had 503s or 504s (overloaded or timing out),
 * or when the mean queue wait Little's law gives from the timeline, W = mean queue length / mean
 * arrival rate, is more than {@value #MAX_WAIT_FRACTION} of the mean latency. Without replica
 * columns (an endpoint that exposes no queue) the wait cannot be checked, which is also a refusal
 * unless the caller says the load was low.
 */
public final class QueueWait {
    /** The largest mean queue wait, as a fraction of the mean latency, still called negligible. */
    public static final double MAX_WAIT_FRACTION = 0.02;

    private QueueWait() {
    }

    /** Why the run cannot be used, or empty when it can. */
    public static Optional<String> refusal(List<TimelineRow> rows, double meanLatencyMicros, boolean queueUnchecked) {
        Totals totals = Totals.of(rows);
        long arrivals = totals.requests();
        long rejected = totals.rejected503();
        long timedOut = totals.timeout504();
        double queued = 0;
        int sampled = 0;
        for (TimelineRow r : rows) {
            ReplicaSample s = r.replicas();
            if (s != null) {
                queued += s.queueLength();
                sampled++;
            }
        }
        if (rejected + timedOut > 0) {
            return Optional.of(String.format(Locale.ROOT, "the run had %d 503s and %d 504s of %d requests: it was overloaded, so its"
                    + " latencies include queueing; calibrate from a run at low load", rejected, timedOut, arrivals));
        }
        if (sampled == 0) {
            return queueUnchecked ? Optional.empty() : Optional.of("the timeline has no queueLength (the endpoint exposes no"
                    + " replica metrics), so the queue wait cannot be checked; pass --no-queue-check if the load was low");
        }
        double meanQueue = queued / sampled;
        double ratePerSecond = arrivals / (double) rows.size();
        double waitMicros = ratePerSecond == 0 ? 0 : meanQueue / ratePerSecond * 1e6;
        if (waitMicros > MAX_WAIT_FRACTION * meanLatencyMicros) {
            return Optional.of(String.format(Locale.ROOT, "the queue wait was not negligible: mean queue length %.3f at %.2f rps"
                    + " is a mean wait of %.1f ms (Little's law), %.1f%% of the mean latency %.1f ms (at most %.0f%%); calibrate"
                    + " from a run at lower load", meanQueue, ratePerSecond, waitMicros / 1000, 100 * waitMicros / meanLatencyMicros,
                    meanLatencyMicros / 1000, 100 * MAX_WAIT_FRACTION));
        }
        return Optional.empty();
    }
}
