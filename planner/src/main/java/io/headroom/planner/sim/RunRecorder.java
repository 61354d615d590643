package io.headroom.planner.sim;

import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.TimelineRow;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Turns the engine's outcomes into per-second timeline rows and a run-wide latency histogram.
 * Outcomes are counted in the second of the request's arrival. A second becomes a row once no
 * request sent in it can still be waiting: one queue-wait limit (rounded up to whole seconds) after
 * it ends. Mutable; engine-only.
 */
final class RunRecorder {
    private static final long SECOND = 1_000_000_000L;

    private final int seconds;
    private final int lagSeconds;
    private final SecondAccumulators recent;
    private final TimelineRow[] rows;
    private final ReplicaSample[] samples;
    private final Histogram latencyMicros;
    private final RunLog log = new RunLog();
    private int finalized;
    private long queued;
    private long queueWaitNanos;

    RunRecorder(int seconds, long waitLimitNanos, long highestLatencyMicros) {
        this.seconds = seconds;
        this.lagSeconds = (int) (waitLimitNanos / SECOND) + 1;
        this.recent = new SecondAccumulators(lagSeconds + 2, highestLatencyMicros);
        this.rows = new TimelineRow[seconds];
        this.samples = new ReplicaSample[seconds];
        this.latencyMicros = new Histogram(highestLatencyMicros, 3);
    }

    void arrival(long nowNanos) {
        recent.arrivals[slot(nowNanos)]++;
    }

    void ok(long arrivalNanos, long latencyNanos) {
        int slot = slot(arrivalNanos);
        recent.ok[slot]++;
        time(slot, latencyNanos);
    }

    void timedOut(long arrivalNanos, long latencyNanos) {
        int slot = slot(arrivalNanos);
        recent.timeout504[slot]++;
        time(slot, latencyNanos);
    }

    void failed(long arrivalNanos, long latencyNanos) {
        int slot = slot(arrivalNanos);
        recent.error502[slot]++;
        time(slot, latencyNanos);
    }

    void rejected(long arrivalNanos) {
        recent.rejected503[slot(arrivalNanos)]++;
    }

    /** A request waited {@code waitNanos} in the router queue (then started, or gave up with 503). */
    void waited(long waitNanos) {
        queued++;
        queueWaitNanos += waitNanos;
    }

    long queued() {
        return queued;
    }

    long queueWaitNanos() {
        return queueWaitNanos;
    }

    private void time(int slot, long latencyNanos) {
        long micros = latencyNanos / 1000;
        recent.latencyMicros[slot].recordValue(micros);
        latencyMicros.recordValue(micros);
    }

    private int slot(long nanos) {
        return recent.slot((int) (nanos / SECOND));
    }

    /** The engine reached the end of {@code second}: keep its replica sample, finish the seconds now settled. */
    void endOfSecond(int second, long nowNanos, ReplicaSample sample) {
        if (second < seconds) {
            samples[second] = sample;
        }
        while (finalized < seconds && finalized <= second - lagSeconds) {
            int slot = recent.slot(finalized);
            Histogram h = recent.latencyMicros[slot];
            double p50 = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1000.0;
            double p99 = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0;
            rows[finalized] = new TimelineRow(finalized, recent.arrivals[slot], recent.ok[slot], recent.rejected503[slot],
                    recent.timeout504[slot], recent.error502[slot], p50, p99, samples[finalized]);
            recent.clear(slot);
            finalized++;
        }
    }

    boolean isComplete() {
        return finalized == seconds;
    }

    List<TimelineRow> rows() {
        return List.of(Arrays.copyOf(rows, finalized));
    }

    Histogram latencyMicros() {
        return latencyMicros;
    }

    /** The run's events, replica-hours and peak. */
    RunLog log() {
        return log;
    }
}
