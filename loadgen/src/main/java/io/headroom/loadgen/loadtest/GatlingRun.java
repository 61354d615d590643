package io.headroom.loadgen.loadtest;

import io.gatling.http.response.Response;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;

/**
 * One load test as Gatling sees it: the arrival plan turned into injection steps, and the callbacks
 * the simulation's users make. Gatling builds its simulation class through a no-argument
 * constructor, so the run is handed over through {@link #current}.
 *
 * <p>Replay: slice by slice (1 s, or 100 ms at high rates), {@code atOnceUsers(k)} then
 * {@code nothingFor(slice)}; user n (Gatling numbers users from 1 in injection order) is request
 * n - 1 of the plan and pauses until its own instant within the slice. The start of the injection
 * (t0) is learnt from the users themselves: a user of a slice starting at s that starts at t gives
 * t0 ≤ t - s. With a shared start instant ({@code --start-at}) the injection is delayed to begin
 * just before it and t0 is never earlier than it: an injector that is on time has its second 0 at
 * the shared instant, one that is late at its own t0, and {@link #startSkewNanos} says by how much.
 */
final class GatlingRun {
    private static volatile GatlingRun current;

    final ArrivalPlan plan;
    final LoadTestRequest request;
    final ObservedRecorder recorder;
    private final AtomicLong startNanos = new AtomicLong(Long.MAX_VALUE);
    private final long epochMinusNanoTime;
    /** The shared start as a nanoTime, or Long.MIN_VALUE without one. */
    private final long startAtNanoTime;
    private volatile String stopReason;

    /** Users of a shared start are injected this long before it, so that the first are ready to send on time. */
    static final long EARLY_NANOS = 1_000_000_000L;

    GatlingRun(ArrivalPlan plan, LoadTestRequest request, ObservedRecorder recorder, java.time.Instant startAt) {
        this.plan = plan;
        this.request = request;
        this.recorder = recorder;
        this.epochMinusNanoTime = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        this.startAtNanoTime = startAt == null ? Long.MIN_VALUE
                : startAt.getEpochSecond() * 1_000_000_000L + startAt.getNano() - epochMinusNanoTime;
    }

    static void handOver(GatlingRun run) {
        current = run;
    }

    static GatlingRun current() {
        GatlingRun run = current;
        if (run == null) {
            throw new IllegalStateException("HeadroomSimulation runs only inside headroom's LoadTest");
        }
        return run;
    }

    /** Injection steps that start exactly the plan's users of each slice at the slice's start. */
    List<OpenInjectionStep> injection() {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (startAtNanoTime != Long.MIN_VALUE) {
            long wait = startAtNanoTime - System.nanoTime() - EARLY_NANOS;
            if (wait > 0) {
                steps.add(nothingFor(Duration.ofNanos(wait)));
            }
        }
        int idle = 0;
        for (int i = 0; i < plan.slices(); i++) {
            int users = plan.requestsInSlice(i);
            if (users > 0) {
                if (idle > 0) {
                    steps.add(nothingFor(Duration.ofNanos(idle * plan.sliceNanos())));
                    idle = 0;
                }
                steps.add(atOnceUsers(users));
            }
            idle++;
        }
        if (steps.isEmpty()) {
            steps.add(nothingFor(Duration.ofSeconds(1)));
        }
        return steps;
    }

    /** A user started: which request it is, and when it is due (nanoTime). */
    Session onStart(Session session) {
        long now = System.nanoTime();
        int index = (int) (session.userId() - 1);
        long arrival = plan.arrivalNanos(Math.min(index, plan.requests() - 1));
        long sliceStart = arrival / plan.sliceNanos() * plan.sliceNanos();
        startNanos.accumulateAndGet(now - sliceStart, Math::min);
        return session.set("index", index).set("arrival", arrival);
    }

    /** How long the user waits until its request is due. */
    Duration pause(Session session) {
        long due = anchorNanos() + session.getLong("arrival");
        return Duration.ofNanos(Math.max(0, due - System.nanoTime()));
    }

    Session onSend(Session session) {
        recorder.sent(session.getLong("arrival"));
        return session;
    }

    /** Every HTTP response, whatever its status, with Gatling's own timestamps (epoch milliseconds). */
    Response onResponse(Response response, Session session) {
        if (session.contains("index")) {
            long arrival = session.getLong("arrival");
            long sentNanoTime = response.startTimestamp() * 1_000_000L - epochMinusNanoTime;
            long lag = sentNanoTime - (anchorNanos() + arrival);
            long latencyMicros = (response.endTimestamp() - response.startTimestamp()) * 1000L;
            recorder.response(session.getInt("index"), arrival, lag, latencyMicros, response.status().code());
        }
        return response;
    }

    Session onFinished(Session session) {
        recorder.finished(session.getInt("index"), session.getLong("arrival"));
        if (stopReason == null && recorder.targetLooksDead()) {
            stopReason = "the target stopped answering (20 requests in a row without a response, none for 2 s;"
                    + " or this machine ran out of sockets or CPU: see the start lag)";
        }
        return session;
    }

    /** Asks the run to stop (Ctrl-C); users not yet sent will not be. */
    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    boolean shouldStop() {
        return stopReason != null;
    }

    String stopReason() {
        return stopReason;
    }

    /** Nanoseconds since the injection started, or -1 before it did. */
    long elapsedNanos() {
        long start = anchorNanos();
        return start == Long.MAX_VALUE ? -1 : System.nanoTime() - start;
    }

    /** The nanoTime of the plan's second 0: learnt from the users, never before the shared start. */
    private long anchorNanos() {
        long learnt = startNanos.get();
        return learnt == Long.MAX_VALUE ? learnt : Math.max(learnt, startAtNanoTime);
    }

    /** How much later than the shared start second 0 began (0 when on time), or -1 without a shared start or before the start. */
    long startSkewNanos() {
        long anchor = anchorNanos();
        return startAtNanoTime == Long.MIN_VALUE || anchor == Long.MAX_VALUE ? -1 : anchor - startAtNanoTime;
    }

    /** The epoch millisecond of the plan's second 0 (the shared start when on time), or -1 before the injection began. */
    long startEpochMillis() {
        long anchor = anchorNanos();
        return anchor == Long.MAX_VALUE ? -1 : Math.floorDiv(anchor + epochMinusNanoTime, 1_000_000L);
    }
}
