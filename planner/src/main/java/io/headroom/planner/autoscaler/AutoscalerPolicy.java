package io.headroom.planner.autoscaler;

import java.time.Duration;

/**
 * The narrow contract between the simulator (or the emulated endpoint) and an autoscaling
 * algorithm: every {@link #evaluationInterval()} it is shown a {@link Snapshot} and answers with a
 * {@link ScalingDecision}. A policy never sees the request queue itself nor any random stream, so
 * swapping policies leaves the arrivals unchanged. An instance may keep state between calls
 * (a stabilization window, say) and is used by one run only.
 */
public interface AutoscalerPolicy {
    /** How often {@link #decide} is called; the first call is at time 0 + this interval. */
    Duration evaluationInterval();

    /** The replica count the policy wants now. */
    ScalingDecision decide(Snapshot snapshot);
}
