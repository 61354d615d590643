package io.headroom.planner.sim;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.traffic.ArrivalStream;

/**
 * The discrete-event driver of the {@link RouterModel}: one run of one scenario on simulated time.
 *
 * <p>Event sources, each a single next time: request completions (a primitive heap of slot-free
 * times), replicas becoming ready, the next arrival, the next queue expiry, the next autoscaler
 * tick, the next second boundary. Events at the same time run in that fixed order — completions,
 * readiness, arrival, expiry, tick, second boundary — so the order is total and a run is
 * deterministic. The rules themselves (who starts, who waits, who gets 503) are the model's; this
 * class only keeps time and records outcomes.
 */
final class Engine implements RouterModel.Listener {
    private static final long SECOND = 1_000_000_000L;

    private final long endNanos;
    private final ArrivalStream arrivals;
    private final long tickNanos;
    private final Progress progress;

    private final LongMinHeap completions = new LongMinHeap();
    private final RunRecorder recorder;
    private final RouterModel model;

    private long nowNanos;

    Engine(Scenario scenario, RandomStreams streams, Progress progress) {
        this.progress = progress;
        this.endNanos = scenario.traffic().duration().toNanos();
        this.arrivals = Simulator.arrivals(scenario, streams);
        this.model = new RouterModel(scenario, streams, this);
        long longestWaitNanos = model.longestWaitNanos();
        long highestMicros = Math.max(2, (scenario.service().timeout().toNanos() + longestWaitNanos) / 1000 + 1);
        this.recorder = new RunRecorder(scenario.traffic().seconds(), longestWaitNanos, highestMicros);
        this.tickNanos = model.tickIntervalNanos();
    }

    /** Runs to the end of the traffic and until every request sent has an outcome. */
    RunRecorder run() {
        long nextArrival = arrivals.nextNanos();
        long nextTick = tickNanos;
        long nextSecond = SECOND;
        while (!recorder.isComplete()) {
            long completion = completions.peek();
            long readyAt = model.nextReadyAtNanos();
            long expiry = model.nextExpiryNanos();
            long t = Math.min(Math.min(Math.min(completion, readyAt), Math.min(nextArrival, expiry)), Math.min(nextTick, nextSecond));
            nowNanos = t;
            if (completion == t) {
                completions.poll();
                model.finish(t);
            } else if (readyAt == t) {
                model.replicasDue(t);
            } else if (nextArrival == t) {
                recorder.arrival(t);
                model.arrive(t, 0);
                nextArrival = arrivals.nextNanos();
            } else if (expiry == t) {
                model.expire(t);
            } else if (nextTick == t) {
                model.tick(t);
                nextTick += tickNanos;
            } else {
                endOfSecond();
                nextSecond += SECOND;
            }
        }
        model.closeRun(nowNanos, recorder.log());
        return recorder;
    }

    @Override
    public void started(long handle, long arrivalNanos, long waitNanos, long serviceNanos, long answerAfterNanos, int status) {
        completions.add(nowNanos + serviceNanos);
        if (waitNanos > 0) {
            recorder.waited(waitNanos);
        }
        long latencyNanos = waitNanos + answerAfterNanos;
        switch (status) {
            case RouterModel.OK -> recorder.ok(arrivalNanos, latencyNanos);
            case RouterModel.TIMED_OUT -> recorder.timedOut(arrivalNanos, latencyNanos);
            case RouterModel.FAILED -> recorder.failed(arrivalNanos, latencyNanos);
            default -> throw new IllegalStateException("unknown status " + status);
        }
    }

    @Override
    public void rejected(long handle, long arrivalNanos, long waitNanos) {
        if (waitNanos > 0) {
            recorder.waited(waitNanos);
        }
        recorder.rejected(arrivalNanos);
    }

    @Override
    public void timedOutWaiting(long handle, long arrivalNanos, long waitNanos) {
        recorder.waited(waitNanos);
        recorder.timedOut(arrivalNanos, waitNanos);
    }

    @Override
    public void event(long atNanos, String reason, String message) {
        recorder.log().event(atNanos, reason, message);
    }

    private void endOfSecond() {
        model.expire(nowNanos);
        int second = (int) (nowNanos / SECOND) - 1;
        if (second % 60 == 59) {
            progress.update(Math.min(1, nowNanos / (double) endNanos));
        }
        recorder.endOfSecond(second, nowNanos, model.sample());
    }
}
