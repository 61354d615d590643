package io.headroom.loadgen.loadtest;

/**
 * {@code plan.json}: which plan a load test's output belongs to, so that {@code merge} can check
 * its segments belong together and {@code compare} can tell two runs of one plan.
 *
 * @param scenario the scenario's name
 * @param scenarioSha256 SHA-256 (hex) of the scenario file's bytes; null when not read from a file
 * @param seed the seed the arrivals were drawn with
 * @param planSha256 SHA-256 of the whole arrival plan ({@link ArrivalPlan#sha256()})
 * @param planRequests requests in the whole plan
 * @param seconds seconds the plan covers
 * @param segmentIndex this injector's segment I (0 for an unsplit test)
 * @param segmentCount the plan's segments N (1 for an unsplit test)
 * @param segmentRequests requests in this segment
 * @param startAt the shared start instant (ISO-8601), or null when the injector started when ready
 * @param startEpochMillis when this injector's second 0 was meant to begin (the shared start, or its own start), epoch ms
 * @param costPerReplicaHour the scenario's cost per replica-hour, or null
 * @param latencyWindowP99Ms the p99 limit latency windows are found on (policy knative with a p99 objective), or null
 */
public record PlanIdentity(String scenario, String scenarioSha256, long seed, String planSha256, long planRequests, int seconds,
        int segmentIndex, int segmentCount, long segmentRequests, String startAt, long startEpochMillis, Double costPerReplicaHour,
        Double latencyWindowP99Ms) {
    /** The file's name in an output folder. */
    public static final String FILE = "plan.json";
}
