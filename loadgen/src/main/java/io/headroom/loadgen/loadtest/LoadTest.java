package io.headroom.loadgen.loadtest;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.timeline.LatencyWindows;
import io.headroom.planner.time.Durations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Gatling load test of a live endpoint that replays a scenario's traffic — the very request times
 * the simulator draws for its seed — and records every request itself. Run it once with
 * {@link #run}; {@link #snapshot} may be called from another thread at any time (a Ctrl-C hook) and
 * gives what was recorded so far, marked incomplete.
 */
public final class LoadTest {
    /** Time allowed after the traffic and the client's request timeout before a load test stops itself. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    /** How long a stopped Gatling run may take to wind down before it is abandoned. */
    private static final Duration WIND_DOWN = Duration.ofSeconds(5);

    /** A load test with a shared start launches Gatling this long before it (Gatling takes a second or two to start). */
    private static final Duration LAUNCH_LEAD = Duration.ofSeconds(5);

    private final Scenario scenario;
    private final Injection injection;
    private final GatlingRun run;
    private final Duration grace;
    private final Duration deadline;
    private final RecordedResult recorded;
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
        this(scenario, request, grace, deadline, Injection.SOLO);
    }

    /**
     * One injector's load test: its {@link Injection#segment()} of the plan, begun at
     * {@link Injection#startAt()} when given (the hard deadline then counts from the start).
     */
    public LoadTest(Scenario scenario, LoadTestRequest request, Injection injection) {
        this(scenario, request, DEFAULT_GRACE, null, injection);
    }

    LoadTest(Scenario scenario, LoadTestRequest request, Duration grace, Duration deadline, Injection injection) {
        this.scenario = scenario;
        this.grace = grace;
        this.injection = injection;
        ArrivalPlan whole = ArrivalPlan.of(scenario);
        ArrivalPlan plan = injection.segment().whole() ? whole : whole.segment(injection.segment());
        long highestMicros = Math.max(120_000_000L, scenario.service().timeout().toNanos() / 1000 * 2);
        this.run = new GatlingRun(plan, request, new ObservedRecorder(plan.seconds(), plan.requests(), highestMicros),
                injection.startAt());
        this.recorded = new RecordedResult(scenario, run, injection, () -> metrics);
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
            refuseWhenDescriptorsAreShort();
            Thread ticker = progressTicker(progress);
            Thread guard = descriptorGuard();
            PrintStream stdout = System.out;
            try {
                Duration wait = waitForLaunch();
                gatlingWithin(work, deadline().plus(wait));
            } finally {
                System.setOut(stdout);
                ticker.interrupt();
                guard.interrupt();
                poller.close();
            }
            finished = true;
            return recorded.read(run.stopReason() != null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Gatling's work directory", e);
        } finally {
            GatlingRun.handOver(null);
            deleteQuietly(work);
        }
    }

    /**
     * Sleeps until {@link #LAUNCH_LEAD} before the shared start, if there is one and it is that far
     * ahead; returns how long the start still is from now (zero without one), which the hard
     * deadline adds.
     */
    private Duration waitForLaunch() {
        if (injection.startAt() == null) {
            return Duration.ZERO;
        }
        try {
            while (true) {
                Duration ahead = Duration.between(java.time.Instant.now(), injection.startAt());
                if (ahead.compareTo(LAUNCH_LEAD) <= 0) {
                    return ahead.isNegative() ? Duration.ZERO : ahead;
                }
                if (run.shouldStop()) {
                    return Duration.ZERO;
                }
                Thread.sleep(Math.min(1000, ahead.minus(LAUNCH_LEAD).toMillis() + 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop("interrupted while waiting for the shared start");
            return Duration.ZERO;
        }
    }

    /** Which plan this is, and this injector's part of it, for {@code plan.json}. */
    public PlanIdentity identity(String scenarioSha256) {
        ArrivalPlan plan = run.plan;
        long start = injection.startAt() != null ? injection.startAt().toEpochMilli() : Math.max(0, run.startEpochMillis());
        return new PlanIdentity(scenario.name(), scenarioSha256, scenario.seed(), plan.sha256(), plan.wholeRequests(), plan.seconds(),
                plan.part().index(), plan.part().count(), plan.requests(),
                injection.startAt() == null ? null : injection.startAt().toString(), start,
                scenario.cost().map(c -> c.perReplicaHour()).orElse(null),
                LatencyWindows.limit(scenario).map(d -> d.toNanos() / 1e6).orElse(null));
    }

    /** The injection: segment, shared start and the scenario file's digest. */
    public Injection injection() {
        return injection;
    }

    /** The epoch millisecond the latency log's intervals count from: the shared start, or 0 without one. */
    public long logStartEpochMillis() {
        return injection.startAt() == null ? 0 : injection.startAt().toEpochMilli();
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
        return recorded.read(true);
    }

    /**
     * Refuses, with an {@link io.headroom.planner.InvalidInputException}, a plan whose peak the
     * file-descriptor limit cannot hold for a short stall ({@link Descriptors}); {@link #run} checks
     * it too, callers may check before anything else (a warm-up).
     */
    public void refuseWhenDescriptorsAreShort() {
        int peak = 0;
        for (int s = 0; s < run.plan.seconds(); s++) {
            peak = Math.max(peak, run.plan.requestsIn(s));
        }
        int busiest = peak;
        Descriptors.openAndMax().flatMap(fd -> Descriptors.refusal(busiest, fd[0], fd[1])).ifPresent(reason -> {
            throw new io.headroom.planner.InvalidInputException("the load test cannot start: " + reason);
        });
    }

    /** Stops the run, incomplete, when open file descriptors reach {@link Descriptors#STOP_AT} of the limit. */
    private Thread descriptorGuard() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Descriptors.openAndMax().flatMap(fd -> Descriptors.exhausted(fd[0], fd[1])).ifPresent(run::stop);
                try {
                    Thread.sleep(Descriptors.CHECK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "headroom-descriptors");
        t.setDaemon(true);
        t.start();
        return t;
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
