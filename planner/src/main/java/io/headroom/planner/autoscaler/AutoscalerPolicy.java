package io.headroom.planner.autoscaler;

import java.time.Duration;

/**
 * The narrow contract between a driver (the simulator, the emulated endpoint) and an autoscaling
 * algorithm: every {@link #evaluationInterval()} it is shown a {@link Snapshot} — replica states and
 * the load over the {@link #metricHistory()} it declared — and answers with a {@link ScalingDecision}
 * that says what bound it. A policy never sees the request queue itself nor any random stream, so
 * swapping policies leaves the arrivals unchanged. An instance may keep state between calls (a
 * stabilization window, say) and is used by one run only.
 */
public interface AutoscalerPolicy {
    /** How often {@link #decide} is called; the first call is at time 0 + this interval. */
    Duration evaluationInterval();

    /** How far back the policy reads its {@link MetricWindow}; the driver keeps at least this much. */
    default Duration metricHistory() {
        return evaluationInterval();
    }

    /** The replica count the policy wants now, and why. */
    ScalingDecision decide(Snapshot snapshot);
}
