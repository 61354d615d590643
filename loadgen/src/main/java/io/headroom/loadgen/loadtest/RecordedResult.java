package io.headroom.loadgen.loadtest;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.timeline.LatencyWindows;
import io.headroom.planner.timeline.Slos;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * What a {@link LoadTest}'s recorder holds, read as a {@link LoadTestResult}: the observed timeline and
 * summary (judged against the scenario's SLOs) and the {@link GeneratorReport}, the load generator's
 * account of itself (start lag, achieved rate, requests without a response, the metrics poller's,
 * start skew's and early stop's warnings).
 *
 * <p>Separate from {@code LoadTest} because it changes for another reason: what a result reports and
 * which warnings say it is not to be trusted, while the load test drives Gatling, its threads and its
 * deadline. It may be read from another thread at any time (a Ctrl-C snapshot) while the run goes on.
 *
 * @param scenario the scenario replayed
 * @param run the Gatling run and its recorder
 * @param injection this injector's segment and shared start
 * @param metrics the poller of the target's {@code /metrics} once the run has one (else null), read when the
 *     generator report is made: its warning goes into the report
 */
record RecordedResult(Scenario scenario, GatlingRun run, Injection injection, Supplier<MetricsPoller> metrics) {
    private static final long SECOND = 1_000_000_000L;

    /** What was recorded so far; {@code incomplete} when the run has not ended or stopped early. */
    LoadTestResult read(boolean incomplete) {
        ObservedRecorder r = run.recorder;
        long elapsed = run.elapsedNanos();
        int seconds = incomplete && elapsed >= 0 ? (int) Math.min(run.plan.seconds(), elapsed / SECOND + 1) : run.plan.seconds();
        List<TimelineRow> rows = r.timeline(seconds);
        Summary summary = ObservedSummary.of(scenario.name(), scenario.seed(), seconds, rows, r.latencyMicros(),
                (fraction, latency) -> Slos.judge(scenario.slo(), fraction, latency), timeline -> LatencyWindows.of(scenario, timeline),
                scenario.cost().map(c -> c.perReplicaHour()).orElse(null), incomplete);
        return new LoadTestResult(summary, rows, generator(summary.requests(), elapsed, rows));
    }

    private GeneratorReport generator(long sent, long elapsedNanos, List<TimelineRow> rows) {
        ObservedRecorder r = run.recorder;
        Histogram lag = r.startLagMicros();
        double p50 = lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(50) / 1000.0;
        double p99 = lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99) / 1000.0;
        double max = lag.getTotalCount() == 0 ? 0 : lag.getMaxValue() / 1000.0;
        double plannedRps = run.plan.requests() / (double) run.plan.seconds();
        // Sent requests over the time it took to send them: the plan's length, or longer when the last
        // requests went out late.
        double sendingSeconds = Math.max(run.plan.seconds(), r.lastSentNanos() / 1e9);
        double achievedRps = elapsedNanos <= 0 ? 0 : sent / sendingSeconds;
        List<String> warnings = new ArrayList<>();
        if (p99 > GeneratorReport.MAX_TRUSTED_START_LAG_P99_MS) {
            warnings.add(String.format(Locale.ROOT, "the load generator fell behind: requests were sent %.0f ms late at p99"
                    + " (trusted up to %.0f ms); the machine may be short of CPU", p99, GeneratorReport.MAX_TRUSTED_START_LAG_P99_MS));
        }
        if (r.noResponses() > 0) {
            warnings.add(r.noResponses() + " request(s) got no response at all (refused, reset or timed out)");
        }
        MetricsPoller poller = metrics.get();
        if (poller != null) {
            poller.warning(rows.size(), rows.stream().filter(row -> row.replicas() != null).count()).ifPresent(warnings::add);
        }
        long skewNanos = run.startSkewNanos();
        Double skewMs = injection.startAt() == null ? null : skewNanos < 0 ? null : skewNanos / 1e6;
        if (skewMs != null && skewMs > GeneratorReport.MAX_TRUSTED_START_SKEW_MS) {
            warnings.add(String.format(Locale.ROOT, "this injector began %.0f ms after the shared start %s (trusted up to %.0f ms):"
                    + " its requests reached the target that much late; they are still counted in their intended seconds",
                    skewMs, injection.startAt(), GeneratorReport.MAX_TRUSTED_START_SKEW_MS));
        }
        if (run.stopReason() != null) {
            warnings.add("stopped early: " + run.stopReason());
        }
        return new GeneratorReport(run.request.toString(), run.plan.requests(), sent, r.responses(), r.noResponses(), plannedRps,
                achievedRps, p50, p99, max, warnings, run.stopReason(), run.plan.part().toString(),
                injection.startAt() == null ? null : injection.startAt().toString(), skewMs);
    }
}
