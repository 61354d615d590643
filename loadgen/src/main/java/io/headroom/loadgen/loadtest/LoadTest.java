package io.headroom.loadgen.loadtest;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.timeline.LatencySummary;
import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.SloVerdict;
import io.headroom.planner.timeline.Slos;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Totals;
import io.headroom.planner.timeline.LatencyWindows;
import io.headroom.planner.timeline.Windows;
import io.headroom.planner.time.Durations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * A Gatling load test of a live endpoint that replays a scenario's traffic — the very request times
 * the simulator draws for its seed — and records every request itself. Run it once with
 * {@link #run}; {@link #snapshot} may be called from another thread at any time (a Ctrl-C hook) and
 * gives what was recorded so far, marked incomplete.
 */
public final class LoadTest {
    private static final long SECOND = 1_000_000_000L;

    /** Time allowed after the traffic and the client's request timeout before a load test stops itself. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    /** How long a stopped Gatling run may take to wind down before it is abandoned. */
    private static final Duration WIND_DOWN = Duration.ofSeconds(5);

    private final Scenario scenario;
    private final GatlingRun run;
    private final Duration grace;
    private final Duration deadline;
    private volatile boolean finished;
    private volatile MetricsPoller metrics;

    public LoadTest(Scenario scenario, LoadTestRequest request) {
        this(scenario, request, DEFAULT_GRACE);
    }

    /**
     * A load test that stops itself at its {@link #deadline()}: the traffic's duration, plus the
     * client's request timeout (the last request may take that long), plus {@code grace}.
     */
    public LoadTest(Scenario scenario, LoadTestRequest request, Duration grace) {
        this(scenario, request, grace, null);
    }

    /** As above; {@code deadline}, when not null, replaces the computed one (for tests that cannot wait a minute). */
    LoadTest(Scenario scenario, LoadTestRequest request, Duration grace, Duration deadline) {
        this.scenario = scenario;
        this.grace = grace;
        ArrivalPlan plan = ArrivalPlan.of(scenario);
        long highestMicros = Math.max(120_000_000L, scenario.service().timeout().toNanos() / 1000 * 2);
        this.run = new GatlingRun(plan, request, new ObservedRecorder(plan.seconds(), plan.requests(), highestMicros));
        this.deadline = deadline != null ? deadline : Duration.ofSeconds(plan.seconds()).plus(requestTimeout()).plus(grace);
    }

    /** The client's request timeout: the scenario's scoring timeout plus 10 s, at least 60 s. */
    public Duration requestTimeout() {
        return Duration.ofMillis(Math.max(60_000L, scenario.service().timeout().toMillis() + 10_000L));
    }

    /** The hard deadline, counted from the start of {@link #run}: traffic duration + request timeout + grace. */
    public Duration deadline() {
        return deadline;
    }

    /** Requests the test will send. */
    public int plannedRequests() {
        return run.plan.requests();
    }

    /** Runs the test to its end (or until the target dies or {@link #stop} is called). Gatling runs in this JVM. */
    public LoadTestResult run(Progress progress) {
        Path work = null;
        try {
            work = Files.createTempDirectory("headroom-gatling");
            // Gatling's version check caches its answer in Java Preferences: keep them out of $HOME, in one
            // place per machine that outlives this run (Preferences are read once per JVM).
            System.setProperty("java.util.prefs.userRoot",
                    Path.of(System.getProperty("java.io.tmpdir"), "headroom-gatling-prefs").toString());
            System.setProperty("gatling.http.requestTimeout", Long.toString(requestTimeout().toMillis()));
            GatlingRun.handOver(run);
            MetricsPoller poller = MetricsPoller.start(run.request.baseUrl(), run.recorder, run::elapsedNanos);
            metrics = poller;
            Thread ticker = progressTicker(progress);
            PrintStream stdout = System.out;
            try {
                gatlingWithin(work, deadline());
            } finally {
                System.setOut(stdout);
                ticker.interrupt();
                poller.close();
            }
            finished = true;
            return result(run.stopReason() != null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Gatling's work directory", e);
        } finally {
            GatlingRun.handOver(null);
            deleteQuietly(work);
        }
    }

    /**
     * Runs Gatling in this JVM, on a daemon thread, until it ends or {@code deadline} passes. At the
     * deadline the run is asked to stop (no more requests are sent) and given a few seconds to wind
     * down; a Gatling that still waits for answers then is abandoned, so a load test always returns.
     * Its runner prints a line or two on standard output; headroom's commands print their own, so
     * standard output is dropped while it runs (the caller restores it).
     */
    private void gatlingWithin(Path work, Duration deadline) {
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread gatling = new Thread(() -> {
            try {
                status.set(io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                    "--simulation", HeadroomSimulation.class.getName(),
                    "--results-folder", work.resolve("results").toString(),
                    "--no-reports"}));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "headroom-gatling");
        gatling.setDaemon(true);
        gatling.start();
        try {
            gatling.join(deadline.toMillis());
            if (gatling.isAlive()) {
                run.stop("hard deadline: still running " + Durations.format(deadline) + " after the start (traffic "
                        + run.plan.seconds() + "s + request timeout " + Durations.format(requestTimeout()) + " + grace "
                        + Durations.format(grace) + "); requests still unanswered count as without a response");
                gatling.join(WIND_DOWN.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop("interrupted");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Gatling failed: " + failure.get(), failure.get());
        }
        if (!gatling.isAlive() && status.get() != 0 && run.stopReason() == null) {
            run.stop("Gatling ended with status " + status.get());
        }
    }

    /** Asks a running test to stop: requests not yet sent are not sent. */
    public void stop(String reason) {
        run.stop(reason);
    }

    /** Whether {@link #run} returned. */
    public boolean finished() {
        return finished;
    }

    /** What was recorded so far, marked incomplete (for Ctrl-C). */
    public LoadTestResult snapshot() {
        return result(true);
    }

    private Thread progressTicker(Progress progress) {
        double total = run.plan.seconds();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long elapsed = run.elapsedNanos();
                progress.update(elapsed < 0 ? 0 : Math.min(1, elapsed / 1e9 / total));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "headroom-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private LoadTestResult result(boolean incomplete) {
        ObservedRecorder r = run.recorder;
        long elapsed = run.elapsedNanos();
        int seconds = incomplete && elapsed >= 0 ? (int) Math.min(run.plan.seconds(), elapsed / SECOND + 1) : run.plan.seconds();
        List<TimelineRow> rows = r.timeline(seconds);
        Totals totals = Totals.of(rows);
        LatencySummary latency = LatencySummary.of(r.latencyMicros());
        List<SloVerdict> verdicts = Slos.judge(scenario.slo(), totals.rejected503Fraction(), latency);
        boolean hasReplicas = rows.stream().anyMatch(row -> row.replicas() != null);
        Double replicaHours = hasReplicas ? rows.stream().map(TimelineRow::replicas).filter(s -> s != null)
                .mapToDouble(s -> s.ready() + s.starting()).sum() / 3600 : null;
        Integer peakReady = hasReplicas ? rows.stream().map(TimelineRow::replicas).filter(s -> s != null)
                .mapToInt(ReplicaSample::ready).max().orElse(0) : null;
        Double cost = replicaHours == null ? null : scenario.cost().map(c -> c.perReplicaHour() * replicaHours).orElse(null);
        Summary summary = new Summary(scenario.name(), "observed", null, scenario.seed(), seconds, totals, null, null, latency,
                replicaHours, cost, peakReady, verdicts, Windows.find(rows, Windows.DEFAULT_MERGE_GAP_SECONDS),
                LatencyWindows.of(scenario, rows), List.of(), incomplete);
        return new LoadTestResult(summary, rows, generator(totals.requests(), elapsed, rows));
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
        MetricsPoller poller = metrics;
        if (poller != null) {
            poller.warning(rows.size(), rows.stream().filter(row -> row.replicas() != null).count()).ifPresent(warnings::add);
        }
        if (run.stopReason() != null) {
            warnings.add("stopped early: " + run.stopReason());
        }
        return new GeneratorReport(run.request.toString(), run.plan.requests(), sent, r.responses(), r.noResponses(), plannedRps,
                achievedRps, p50, p99, max, warnings, run.stopReason());
    }

    /** The recorder's per-second latency histograms, for the interval log. */
    public List<org.HdrHistogram.AbstractHistogram> perSecondLatencyMicros() {
        return run.recorder.perSecondLatencyMicros();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a finished load test for
        }
    }
}
