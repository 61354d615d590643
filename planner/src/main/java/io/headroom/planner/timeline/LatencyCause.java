package io.headroom.planner.timeline;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a latency window happened: how a service that holds requests rather than refusing them
 * (Knative's activator) fails its users.
 */
public enum LatencyCause {
    /** No replica was ready: the requests waited for a cold start (scale from zero). */
    COLD_START("cold start"),
    /** Replicas were asked for but still starting: the scale-up (Knative's panic) came too late for the load. */
    PANIC_TOO_LATE("panic too late"),
    /** The autoscaler wanted more replicas than maxReplicas allows. */
    MAX_SCALE("max scale"),
    /** Every replica asked for was ready and none was capped: the service's own time (or queueing at the target). */
    SERVICE_TIME("service time");

    private final String label;

    LatencyCause(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /**
     * The cause of one slow second from its replica sample at the second's end, in the order 503
     * windows use ({@link WindowCause#of}): no replica ready → cold start; else replicas starting or
     * Pending → panic too late (the capacity asked for is not there yet, capped or not); else capped
     * by max → max scale; else service time.
     */
    public static LatencyCause of(ReplicaSample s) {
        if (s.ready() == 0) {
            return COLD_START;
        }
        if (s.starting() - s.crashLooping() > 0 || s.pending() > 0) {
            return PANIC_TOO_LATE;
        }
        if (s.limitedByMax()) {
            return MAX_SCALE;
        }
        return SERVICE_TIME;
    }
}
