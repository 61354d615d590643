package io.headroom.loadgen.loadtest;

import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.TimelineRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Records every request of a load test — when it was due, how late it was sent, its latency and its
 * HTTP status or that it got no response — into per-second aggregates (by the second it was due,
 * like the simulator) and HdrHistograms. Never keeps a list of requests. Thread-safe: Gatling calls
 * it from its own threads.
 */
public final class ObservedRecorder {
    private static final long SECOND = 1_000_000_000L;

    private final int seconds;
    private final long highestMicros;
    private final long[] sent;
    private final long[] ok;
    private final long[] rejected503;
    private final long[] timeout504;
    private final long[] otherFailure;
    private final long[] noResponse;
    private final AbstractHistogram[] latencyMicros;
    private final ReplicaSample[] replicas;
    private final Histogram allLatencyMicros;
    private final Histogram startLagMicros;
    private final AtomicLongArray answered;
    private long responses;
    private long consecutiveNoResponse;
    private long lastResponseNanos = System.nanoTime();
    private long lastSentNanos;

    public ObservedRecorder(int seconds, int requests, long highestLatencyMicros) {
        this.seconds = seconds;
        this.highestMicros = highestLatencyMicros;
        sent = new long[seconds];
        ok = new long[seconds];
        rejected503 = new long[seconds];
        timeout504 = new long[seconds];
        otherFailure = new long[seconds];
        noResponse = new long[seconds];
        latencyMicros = new AbstractHistogram[seconds];
        replicas = new ReplicaSample[seconds];
        allLatencyMicros = new Histogram(highestLatencyMicros, 3);
        startLagMicros = new Histogram(highestLatencyMicros, 3);
        answered = new AtomicLongArray(requests / 64 + 1);
    }

    /** Request {@code index}, due at {@code dueNanos} since the start, was handed to the HTTP client. */
    public synchronized void sent(long dueNanos) {
        sent[second(dueNanos)]++;
    }

    /** Request {@code index} got an HTTP response. */
    public void response(int index, long dueNanos, long startLagNanos, long latencyMicros, int status) {
        answered.getAndAccumulate(index >> 6, 1L << (index & 63), (a, b) -> a | b);
        synchronized (this) {
            int s = second(dueNanos);
            responses++;
            consecutiveNoResponse = 0;
            lastResponseNanos = System.nanoTime();
            startLagMicros.recordValue(clamp(Math.max(0, startLagNanos / 1000)));
            lastSentNanos = Math.max(lastSentNanos, dueNanos + Math.max(0, startLagNanos));
            if (status == 503) {
                rejected503[s]++;
                return;
            }
            if (status >= 200 && status < 300) {
                ok[s]++;
            } else if (status == 504) {
                timeout504[s]++;
            } else {
                otherFailure[s]++;
            }
            long micros = clamp(latencyMicros);
            if (latencyMicrosOf(s) == null) {
                this.latencyMicros[s] = new IntCountsHistogram(highestMicros, 2);
            }
            this.latencyMicros[s].recordValue(micros);
            allLatencyMicros.recordValue(micros);
        }
    }

    /** Called after each request: when no response was recorded for it, it failed without one (refused, reset, timed out). */
    public void finished(int index, long dueNanos) {
        if ((answered.get(index >> 6) & (1L << (index & 63))) != 0) {
            return;
        }
        synchronized (this) {
            noResponse[second(dueNanos)]++;
            consecutiveNoResponse++;
        }
    }

    /** A replica sample read from the target's metrics during {@code second}. */
    public synchronized void replicas(int second, ReplicaSample sample) {
        if (second >= 0 && second < seconds) {
            replicas[second] = sample;
        }
    }

    /**
     * The target looks dead: at least 20 requests in a row got no response and none has come for
     * two seconds.
     */
    public synchronized boolean targetLooksDead() {
        return consecutiveNoResponse >= 20 && System.nanoTime() - lastResponseNanos > 2 * SECOND;
    }

    /** Timeline rows for seconds 0 until {@code untilSecond} (exclusive); requests without a response count as error502. */
    public synchronized List<TimelineRow> timeline(int untilSecond) {
        List<TimelineRow> rows = new ArrayList<>();
        for (int s = 0; s < Math.min(untilSecond, seconds); s++) {
            AbstractHistogram h = latencyMicros[s];
            double p50 = h == null ? Double.NaN : h.getValueAtPercentile(50) / 1000.0;
            double p99 = h == null ? Double.NaN : h.getValueAtPercentile(99) / 1000.0;
            rows.add(new TimelineRow(s, sent[s], ok[s], rejected503[s], timeout504[s], otherFailure[s] + noResponse[s], p50, p99,
                    replicas[s]));
        }
        return rows;
    }

    /** Requests sent that got no HTTP response at all. */
    public synchronized long noResponses() {
        long total = 0;
        for (long n : noResponse) {
            total += n;
        }
        return total;
    }

    /** When the last answered request was sent, in nanoseconds since the start of the plan. */
    public synchronized long lastSentNanos() {
        return lastSentNanos;
    }

    /** Requests that got an HTTP response. */
    public synchronized long responses() {
        return responses;
    }

    /** A copy of the run-wide latency histogram (microseconds) of answered, non-503 requests. */
    public synchronized Histogram latencyMicros() {
        return allLatencyMicros.copy();
    }

    /** A copy of how late requests were sent after they were due (microseconds). */
    public synchronized Histogram startLagMicros() {
        return startLagMicros.copy();
    }

    /** Copies of the per-second latency histograms (null where nothing was timed), for the interval log. */
    public synchronized List<AbstractHistogram> perSecondLatencyMicros() {
        List<AbstractHistogram> copies = new ArrayList<>();
        for (AbstractHistogram h : latencyMicros) {
            copies.add(h == null ? null : h.copy());
        }
        return copies;
    }

    private AbstractHistogram latencyMicrosOf(int second) {
        return latencyMicros[second];
    }

    private int second(long dueNanos) {
        return (int) Math.min(seconds - 1, Math.max(0, dueNanos / SECOND));
    }

    private long clamp(long micros) {
        return Math.min(highestMicros, Math.max(0, micros));
    }
}
