package io.headroom.planner.timeline;

/**
 * One second of a run, predicted or observed. Outcomes are counted in the second the request was
 * sent (its arrival), so a row says what happened to the requests sent in that second.
 *
 * @param second seconds since the start of the run
 * @param arrivals requests sent
 * @param ok requests answered successfully
 * @param rejected503 requests that got 503 (router queue wait over the limit, or refused)
 * @param timeout504 requests that got 504 (scoring timeout)
 * @param error502 requests that got 502 (scoring error) — or, observed, any other failure
 * @param latencyP50Ms median latency of the requests a replica served, in ms; NaN when none
 * @param latencyP99Ms 99th percentile of the same, in ms; NaN when none
 * @param replicas the replica side, or null when unknown (observed without metrics)
 */
public record TimelineRow(int second, long arrivals, long ok, long rejected503, long timeout504, long error502,
        double latencyP50Ms, double latencyP99Ms, ReplicaSample replicas) {
    public TimelineRow {
        if (second < 0 || arrivals < 0 || ok < 0 || rejected503 < 0 || timeout504 < 0 || error502 < 0) {
            throw new IllegalArgumentException("timeline counts must be >= 0 (second " + second + ")");
        }
    }
}
