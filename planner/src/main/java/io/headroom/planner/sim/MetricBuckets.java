package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.MetricWindow;
import java.time.Duration;

/**
 * The driver side of {@link MetricWindow}: in-flight requests, busy slots and ready replicas
 * integrated over time, and arrivals and completions counted, in 1 s buckets aligned to the start of
 * the run, in a ring long enough for the policy's declared history. {@link #advance} must be called
 * with the current time before any count changes, so each bucket holds the exact integral of the
 * piecewise-constant counts over its span. Mutable, one thread; owned by {@link RouterModel}; no
 * allocation after construction.
 */
final class MetricBuckets implements MetricWindow {
    private static final long BUCKET_NANOS = 1_000_000_000L;

    private final int size;
    private final long[] inFlightArea;
    private final long[] busyArea;
    private final long[] readyArea;
    private final long[] arrivals;
    private final long[] completions;
    private final ReplicaSet replicas;

    /** Index of the current bucket (bucket k spans [k s, (k+1) s)). */
    private long bucket;
    /** {@code bucket % size}, kept to spare the hot path a division. */
    private int cur;
    private long bucketEndNanos = BUCKET_NANOS;
    private long lastNanos;
    private long inFlight;
    private long busy;

    MetricBuckets(Duration history, ReplicaSet replicas) {
        this.size = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, (history.toNanos() + BUCKET_NANOS - 1) / BUCKET_NANOS) + 2);
        this.inFlightArea = new long[size];
        this.busyArea = new long[size];
        this.readyArea = new long[size];
        this.arrivals = new long[size];
        this.completions = new long[size];
        this.replicas = replicas;
    }

    /** Integrates the counts up to {@code nowNanos} (not before the last call). */
    void advance(long nowNanos) {
        while (nowNanos >= bucketEndNanos) {
            accumulate(bucketEndNanos);
            bucket++;
            cur = cur + 1 == size ? 0 : cur + 1;
            bucketEndNanos += BUCKET_NANOS;
            int i = cur;
            inFlightArea[i] = 0;
            busyArea[i] = 0;
            readyArea[i] = 0;
            arrivals[i] = 0;
            completions[i] = 0;
        }
        accumulate(nowNanos);
    }

    private void accumulate(long untilNanos) {
        long dt = untilNanos - lastNanos;
        if (dt > 0) {
            inFlightArea[cur] += dt * inFlight;
            busyArea[cur] += dt * busy;
            readyArea[cur] += dt * replicas.ready();
            lastNanos = untilNanos;
        }
    }

    /** Call after {@link #advance}: a request arrived (and is in flight unless refused at once). */
    void arrival() {
        arrivals[cur]++;
    }

    /** Call after {@link #advance}: the in-flight and busy counts are now these. */
    void counts(long inFlightNow, long busyNow) {
        inFlight = inFlightNow;
        busy = busyNow;
    }

    /** Call after {@link #advance}: a request's service ended. */
    void completion() {
        completions[cur]++;
    }

    @Override
    public double meanInFlight(Duration window) {
        return mean(inFlightArea, window, inFlight);
    }

    @Override
    public double meanBusy(Duration window) {
        return mean(busyArea, window, busy);
    }

    @Override
    public double meanReady(Duration window) {
        return mean(readyArea, window, replicas.ready());
    }

    @Override
    public double arrivalsPerSecond(Duration window) {
        long span = spanNanos(window);
        return span == 0 ? 0 : sum(arrivals, span) / (span / 1e9);
    }

    @Override
    public double completionsPerSecond(Duration window) {
        long span = spanNanos(window);
        return span == 0 ? 0 : sum(completions, span) / (span / 1e9);
    }

    @Override
    public int readyForAtLeast(Duration age) {
        return replicas.readySinceAtMost(lastNanos - age.toNanos());
    }

    /** The window's length, clipped to the run so far and to the history kept. */
    private long spanNanos(Duration window) {
        long kept = (size - 1) * BUCKET_NANOS;
        return Math.max(0, Math.min(Math.min(window.toNanos(), lastNanos), kept));
    }

    private double mean(long[] area, Duration window, long instant) {
        long span = spanNanos(window);
        return span == 0 ? instant : sum(area, span) / span;
    }

    /** Sum of {@code values} over {@code [last - span, last]}, a bucket cut by the edge counting in proportion. */
    private double sum(long[] values, long span) {
        long from = lastNanos - span;
        double total = 0;
        long b = bucket;
        long end = lastNanos;
        long start = bucket * BUCKET_NANOS;
        while (end > from && b >= 0 && bucket - b < size) {
            long value = values[(int) (b % size)];
            if (start >= from) {
                total += value;
            } else {
                total += value * (double) (end - from) / (end - start);
            }
            b--;
            end = start;
            start -= BUCKET_NANOS;
        }
        return total;
    }
}
