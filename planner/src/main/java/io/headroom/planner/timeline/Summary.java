package io.headroom.planner.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The totals of one run, predicted or observed: what {@code summary.json} holds.
 *
 * @param scenario the scenario's name
 * @param kind {@code predicted} (simulated) or {@code observed} (load test)
 * @param engine the engine that predicted it, {@code des} (discrete-event) or {@code fast} (time-stepped
 *     fluid); null when observed
 * @param seed the seed of the run
 * @param durationSeconds seconds of traffic
 * @param requests requests sent
 * @param ok requests answered successfully
 * @param rejected503 requests answered 503
 * @param timeout504 requests answered 504
 * @param error502 requests answered 502 (observed: any other failure)
 * @param rejected503Fraction rejected503 / requests (0 when no requests)
 * @param timeout504Fraction timeout504 / requests
 * @param error502Fraction error502 / requests
 * @param queued requests that waited in the router queue before a replica took them or they got 503;
 *     null when unknown (observed)
 * @param meanQueueWaitMs mean router-queue wait over all requests, in ms (503s count the wait they gave up
 *     after); null when unknown
 * @param latencyMs percentiles of the requests a replica served (ok, 504, 502), in ms
 * @param replicaHours hours of replicas running (starting or ready) over the run; null when unknown
 * @param cost replicaHours × cost per replica-hour, plus each priced node pool's node-hours × its costPerHour;
 *     null when nothing is priced
 * @param peakReadyReplicas most replicas ready at once; null when unknown
 * @param sloMet all SLOs met; null when the scenario sets none
 * @param slo one verdict per objective
 * @param windows the 503 windows
 * @param latencyWindows the seconds whose p99 exceeds the latency objective, as windows with their cause
 *     (empty without a p99 objective; absent from summaries written before they existed)
 * @param events what else happened (FailedScheduling, CrashLoopBackOff, ...)
 * @param incomplete true when the run stopped before the end of its traffic
 * @param nodePools per node pool: its nodes over time, node-hours and their cost; empty (and left out of
 *     the JSON) when the pools are fixed and unpriced
 */
public record Summary(String scenario, String kind, String engine, long seed, int durationSeconds, long requests, long ok,
        long rejected503, long timeout504, long error502, double rejected503Fraction, double timeout504Fraction,
        double error502Fraction, Long queued, Double meanQueueWaitMs, LatencySummary latencyMs, Double replicaHours, Double cost, Integer peakReadyReplicas,
        Boolean sloMet, List<SloVerdict> slo, List<Window> windows, List<LatencyWindow> latencyWindows, List<RunEvent> events,
        boolean incomplete, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PoolNodes> nodePools) {
    /** A summary without node pools to report. */
    public Summary(String scenario, String kind, String engine, long seed, int durationSeconds, long requests, long ok,
            long rejected503, long timeout504, long error502, double rejected503Fraction, double timeout504Fraction,
            double error502Fraction, Long queued, Double meanQueueWaitMs, LatencySummary latencyMs, Double replicaHours, Double cost,
            Integer peakReadyReplicas, Boolean sloMet, List<SloVerdict> slo, List<Window> windows, List<LatencyWindow> latencyWindows,
            List<RunEvent> events, boolean incomplete) {
        this(scenario, kind, engine, seed, durationSeconds, requests, ok, rejected503, timeout504, error502, rejected503Fraction,
                timeout504Fraction, error502Fraction, queued, meanQueueWaitMs, latencyMs, replicaHours, cost, peakReadyReplicas, sloMet,
                slo, windows, latencyWindows, events, incomplete, List.of());
    }

    /** This summary with {@code pools} as its node pools. */
    public Summary withNodePools(List<PoolNodes> pools) {
        return new Summary(scenario, kind, engine, seed, durationSeconds, requests, ok, rejected503, timeout504, error502,
                rejected503Fraction, timeout504Fraction, error502Fraction, queued, meanQueueWaitMs, latencyMs, replicaHours, cost,
                peakReadyReplicas, sloMet, slo, windows, latencyWindows, events, incomplete, pools);
    }

    /** A summary whose counts and fractions come from {@code totals} and whose verdict is all of {@code slo}. */
    public Summary(String scenario, String kind, String engine, long seed, int durationSeconds, Totals totals, Long queued,
            Double meanQueueWaitMs, LatencySummary latencyMs, Double replicaHours, Double cost, Integer peakReadyReplicas,
            List<SloVerdict> slo, List<Window> windows, List<LatencyWindow> latencyWindows, List<RunEvent> events, boolean incomplete) {
        this(scenario, kind, engine, seed, durationSeconds, totals.requests(), totals.ok(), totals.rejected503(), totals.timeout504(),
                totals.error502(), totals.rejected503Fraction(), totals.timeout504Fraction(), totals.error502Fraction(), queued,
                meanQueueWaitMs, latencyMs, replicaHours, cost, peakReadyReplicas,
                slo.isEmpty() ? null : slo.stream().allMatch(SloVerdict::met), slo, windows, latencyWindows, events, incomplete);
    }

    /** A summary without latency windows (a run with no p99 objective). */
    public Summary(String scenario, String kind, String engine, long seed, int durationSeconds, Totals totals, Long queued,
            Double meanQueueWaitMs, LatencySummary latencyMs, Double replicaHours, Double cost, Integer peakReadyReplicas,
            List<SloVerdict> slo, List<Window> windows, List<RunEvent> events, boolean incomplete) {
        this(scenario, kind, engine, seed, durationSeconds, totals, queued, meanQueueWaitMs, latencyMs, replicaHours, cost,
                peakReadyReplicas, slo, windows, List.of(), events, incomplete);
    }

    public Summary {
        slo = List.copyOf(slo);
        windows = List.copyOf(windows);
        latencyWindows = latencyWindows == null ? List.of() : List.copyOf(latencyWindows);
        events = List.copyOf(events);
        nodePools = nodePools == null ? List.of() : List.copyOf(nodePools);
    }
}
