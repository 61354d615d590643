package io.headroom.loadgen.loadtest;

import java.util.List;

/**
 * How well the load generator kept to its plan — what makes a load test's numbers trustworthy.
 *
 * @param target the request, with header values hidden
 * @param plannedRequests requests in the arrival plan
 * @param sentRequests requests handed to the HTTP client
 * @param responses requests that got an HTTP response (any status)
 * @param noResponses requests that got none (refused, reset, client timeout)
 * @param plannedRps planned requests / planned seconds
 * @param achievedRps sent requests / seconds the injection actually took
 * @param startLagP50Ms median of (sent − due), ms
 * @param startLagP99Ms 99th percentile of (sent − due), ms
 * @param startLagMaxMs largest (sent − due), ms
 * @param warnings reasons not to trust the run, empty when none
 * @param stopReason why the run stopped early, or null when it ran to the end
 * @param segment this injector's segment of the plan, {@code I/N} ({@code 0/1} unsplit)
 * @param startAt the shared start instant it was given (ISO-8601), or null
 * @param startSkewMs how much later than {@code startAt} its second 0 began (0 on time; null without startAt)
 */
public record GeneratorReport(String target, long plannedRequests, long sentRequests, long responses, long noResponses,
        double plannedRps, double achievedRps, double startLagP50Ms, double startLagP99Ms, double startLagMaxMs,
        List<String> warnings, String stopReason, String segment, String startAt, Double startSkewMs) {
    /** A run whose generator sent later than this at p99 did not follow the plan. */
    public static final double MAX_TRUSTED_START_LAG_P99_MS = 50;
    /**
     * An injector that began this much after the shared start shifted its load: a skew δ moves about
     * δ / 1 s of each second's requests into the next second at the target (calibration note §3.5).
     */
    public static final double MAX_TRUSTED_START_SKEW_MS = 20;

    public GeneratorReport {
        warnings = List.copyOf(warnings);
    }
}
