package io.headroom.loadgen.emulator;

import io.headroom.planner.timeline.ReplicaSample;

/**
 * What {@code GET /metrics} of an emulated endpoint reports, read in one go on its router thread.
 * The replica fields mirror {@link ReplicaSample}; the counters count answers since the start.
 *
 * @param uptimeMillis time since the endpoint started
 * @param ready replicas taking traffic
 * @param starting replicas starting, crash-looping ones included (as in {@link ReplicaSample#starting()})
 * @param desired the autoscaler's current setting
 * @param busySlots requests being served (a timed-out request keeps its slot until its service ends)
 * @param queueLength requests waiting in the router queue
 * @param pending replicas waiting for a node with room
 * @param crashLooping replicas whose startup failed and that will never become ready
 * @param limitedByMax whether the autoscaler wanted more than its maximum at its last decision
 * @param nodeComing whether the Pending replicas wait for a node the cluster autoscaler brings (or can bring)
 * @param served requests answered 200
 * @param rejected503 requests answered 503 (no slot and no queue, queue wait limit, queue or connection cap)
 * @param timeout504 requests answered 504 (service time longer than the scoring timeout)
 * @param error502 requests answered 502 (the scoring function failed)
 */
public record EndpointMetrics(long uptimeMillis, int ready, int starting, int desired, long busySlots, long queueLength,
        int pending, int crashLooping, boolean limitedByMax, boolean nodeComing, long served, long rejected503, long timeout504,
        long error502) {

    /** The metrics of a router whose replica side is {@code sample}. */
    public static EndpointMetrics of(long uptimeMillis, ReplicaSample sample, long served, long rejected503, long timeout504,
            long error502) {
        return new EndpointMetrics(uptimeMillis, sample.ready(), sample.starting(), sample.desired(), sample.busySlots(),
                sample.queueLength(), sample.pending(), sample.crashLooping(), sample.limitedByMax(), sample.nodeComing(), served, rejected503, timeout504,
                error502);
    }

    /** The replica side, as a timeline row holds it. */
    public ReplicaSample replicaSample() {
        return new ReplicaSample(ready, starting, desired, busySlots, queueLength, pending, crashLooping, limitedByMax, nodeComing);
    }

    /** Requests answered so far. */
    public long answered() {
        return served + rejected503 + timeout504 + error502;
    }

    /** The {@code /metrics} body: one JSON object, fields in the order of this record. */
    public String toJson() {
        return "{\"uptimeMillis\":" + uptimeMillis
                + ",\"ready\":" + ready
                + ",\"starting\":" + starting
                + ",\"desired\":" + desired
                + ",\"busySlots\":" + busySlots
                + ",\"queueLength\":" + queueLength
                + ",\"pending\":" + pending
                + ",\"crashLooping\":" + crashLooping
                + ",\"limitedByMax\":" + limitedByMax
                + ",\"nodeComing\":" + nodeComing
                + ",\"served\":" + served
                + ",\"rejected503\":" + rejected503
                + ",\"timeout504\":" + timeout504
                + ",\"error502\":" + error502 + "}";
    }
}
