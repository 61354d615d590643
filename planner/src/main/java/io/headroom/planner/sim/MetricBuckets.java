package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.MetricWindow;
import io.headroom.planner.scenario.CpuUsage;
import io.headroom.planner.scenario.Service;
import java.time.Duration;

/**
 * The driver side of {@link MetricWindow}: in-flight requests, busy slots and ready replicas
 * integrated over time, and arrivals and completions counted, in 1 s buckets aligned to the start of
 * the run, in a ring long enough for the policy's declared history. Mutable, one thread; owned by
 * {@link RouterModel}; no allocation after construction.
 *
 * <p>The integrals cost one add per change: a count that changes by {@code d} at time {@code t}
 * adds {@code d × (bucket end − t)} to its bucket's area, and a bucket opens with the count it
 * inherits times its length. So the area of a closed bucket is exact, and the area of the open one
 * so far is its sum minus {@code count × (bucket end − now)}. The open bucket lives in fields, the
 * closed ones in arrays. Every call passes the current time, never earlier than the last.
 *
 * <p>Counts are whole numbers of {@code 1 / unitsPerRequest} requests: 1 for the discrete-event
 * driver (one request is one unit, so its arithmetic is exact), more for {@link FastEngine}, whose
 * fluid quantities are fractions of a request ({@link #fluid}). Reads divide by the unit.
 */
final class MetricBuckets implements MetricWindow {
    private static final long BUCKET_NANOS = 1_000_000_000L;

    private final int size;
    private final long[] inFlightAreas;
    private final long[] busyAreas;
    private final long[] readyAreas;
    private final long[] arrivalCounts;
    private final long[] completionCounts;
    private final ReplicaSet replicas;
    private final CpuUsage cpuUsage;
    private final double cpuRequest;
    private final double unitsPerRequest;

    /** Index of the open bucket; bucket k spans [k s, (k+1) s). */
    private long bucket;
    private long bucketEndNanos = BUCKET_NANOS;
    private long inFlight;
    private long busy;
    private long ready;
    private long inFlightArea;
    private long busyArea;
    private long readyArea;
    private long arrivals;
    private long completions;
    /** The time reads refer to, set by {@link #readAt}. */
    private long readNanos;

    /** Buckets whose counts are in units of {@code 1 / unitsPerRequest} requests (ready replicas stay whole; the simulator uses 1). */
    MetricBuckets(Duration history, ReplicaSet replicas, Service service, long unitsPerRequest) {
        if (unitsPerRequest < 1) {
            throw new IllegalArgumentException("unitsPerRequest must be >= 1 but was " + unitsPerRequest);
        }
        this.unitsPerRequest = unitsPerRequest;
        this.cpuUsage = service.cpuUsage();
        this.cpuRequest = service.resources().cpu();
        this.size = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, (history.toNanos() + BUCKET_NANOS - 1) / BUCKET_NANOS) + 2);
        this.inFlightAreas = new long[size];
        this.busyAreas = new long[size];
        this.readyAreas = new long[size];
        this.arrivalCounts = new long[size];
        this.completionCounts = new long[size];
        this.replicas = replicas;
        this.ready = replicas.ready();
        this.readyArea = ready * BUCKET_NANOS;
    }

    /** A request arrived now; in flight and busy are now these. */
    void arrival(long nowNanos, long inFlightNow, long busyNow) {
        if (nowNanos >= bucketEndNanos) {
            roll(nowNanos);
        }
        arrivals++;
        change(nowNanos, inFlightNow, busyNow);
    }

    /** A request's service ended now; in flight and busy are now these. */
    void completion(long nowNanos, long inFlightNow, long busyNow) {
        if (nowNanos >= bucketEndNanos) {
            roll(nowNanos);
        }
        completions++;
        change(nowNanos, inFlightNow, busyNow);
    }

    private void change(long nowNanos, long inFlightNow, long busyNow) {
        long left = bucketEndNanos - nowNanos;
        inFlightArea += (inFlightNow - inFlight) * left;
        busyArea += (busyNow - busy) * left;
        inFlight = inFlightNow;
        busy = busyNow;
    }

    /**
     * A time step of a fluid driver: {@code arrivalUnits} arrived and {@code completionUnits}
     * completed at {@code nowNanos}, and in flight and busy are now these; all in units.
     */
    void fluid(long nowNanos, long arrivalUnits, long completionUnits, long inFlightNow, long busyNow) {
        if (nowNanos >= bucketEndNanos) {
            roll(nowNanos);
        }
        arrivals += arrivalUnits;
        completions += completionUnits;
        change(nowNanos, inFlightNow, busyNow);
    }

    /** In flight and busy are now these (call after any other change, with the time of the change). */
    void counts(long nowNanos, long inFlightNow, long busyNow) {
        if (nowNanos >= bucketEndNanos) {
            roll(nowNanos);
        }
        change(nowNanos, inFlightNow, busyNow);
    }

    /** Ready replicas are now {@link ReplicaSet#ready()} (call after any change). */
    void readyChanged(long nowNanos) {
        if (nowNanos >= bucketEndNanos) {
            roll(nowNanos);
        }
        long readyNow = replicas.ready();
        readyArea += (readyNow - ready) * (bucketEndNanos - nowNanos);
        ready = readyNow;
    }

    /** Closes the buckets that ended by {@code nowNanos}; reads refer to {@code nowNanos} from now on. */
    void readAt(long nowNanos) {
        if (nowNanos >= bucketEndNanos) {
            roll(nowNanos);
        }
        readNanos = nowNanos;
    }

    private void roll(long nowNanos) {
        while (nowNanos >= bucketEndNanos) {
            int i = (int) (bucket % size);
            inFlightAreas[i] = inFlightArea;
            busyAreas[i] = busyArea;
            readyAreas[i] = readyArea;
            arrivalCounts[i] = arrivals;
            completionCounts[i] = completions;
            bucket++;
            bucketEndNanos += BUCKET_NANOS;
            inFlightArea = inFlight * BUCKET_NANOS;
            busyArea = busy * BUCKET_NANOS;
            readyArea = ready * BUCKET_NANOS;
            arrivals = 0;
            completions = 0;
        }
    }

    @Override
    public double meanInFlight(Duration window) {
        long span = spanNanos(window);
        return (span == 0 ? inFlight : sum(inFlightAreas, inFlightArea - inFlight * (bucketEndNanos - readNanos), span) / span) / unitsPerRequest;
    }

    @Override
    public double meanBusy(Duration window) {
        long span = spanNanos(window);
        return (span == 0 ? busy : sum(busyAreas, busyArea - busy * (bucketEndNanos - readNanos), span) / span) / unitsPerRequest;
    }

    @Override
    public double meanReady(Duration window) {
        long span = spanNanos(window);
        return span == 0 ? ready : sum(readyAreas, readyArea - ready * (bucketEndNanos - readNanos), span) / span;
    }

    @Override
    public double arrivalsPerSecond(Duration window) {
        long span = spanNanos(window);
        return span == 0 ? 0 : sum(arrivalCounts, arrivals, span) / (span / 1e9) / unitsPerRequest;
    }

    @Override
    public double completionsPerSecond(Duration window) {
        long span = spanNanos(window);
        return span == 0 ? 0 : sum(completionCounts, completions, span) / (span / 1e9) / unitsPerRequest;
    }

    @Override
    public int readyStartedWithin(Duration startedWithin, Duration readyWithin) {
        return replicas.readyStartedAndReadyAfter(readNanos - startedWithin.toNanos(), readNanos - readyWithin.toNanos());
    }

    @Override
    public double cpuUtilization(Duration window) {
        double meanReady = meanReady(window);
        double busyPerReady = meanReady > 0 ? meanBusy(window) / meanReady : 0;
        return cpuRequest > 0 ? (cpuUsage.idleCores() + cpuUsage.perBusySlotCores() * busyPerReady) / cpuRequest : Double.NaN;
    }

    @Override
    public int readyForAtLeast(Duration age) {
        return replicas.readySinceAtMost(readNanos - age.toNanos());
    }

    /** The window's length, clipped to the run so far and to the history kept. */
    private long spanNanos(Duration window) {
        long kept = (size - 1) * BUCKET_NANOS;
        return Math.max(0, Math.min(Math.min(window.toNanos(), readNanos), kept));
    }

    /**
     * Sum over {@code [readNanos - span, readNanos]}: the open bucket's {@code openValue} so far, then
     * closed buckets backwards; a bucket cut by the window's edge counts in proportion to its overlap.
     */
    private double sum(long[] closed, long openValue, long span) {
        long from = readNanos - span;
        long start = bucket * BUCKET_NANOS;
        long end = readNanos;
        double total = start >= from ? openValue : openValue * (double) (end - from) / (end - start);
        long b = bucket - 1;
        end = start;
        start -= BUCKET_NANOS;
        while (end > from && b >= 0 && bucket - b < size) {
            long value = closed[(int) (b % size)];
            total += start >= from ? value : value * (double) (end - from) / BUCKET_NANOS;
            b--;
            end = start;
            start -= BUCKET_NANOS;
        }
        return total;
    }
}
