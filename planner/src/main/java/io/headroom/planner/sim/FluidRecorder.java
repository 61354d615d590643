package io.headroom.planner.sim;

import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Windows;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * {@link FastEngine}'s counterpart of {@link RunRecorder}: the same timeline rows, latency histogram
 * and totals, from fluid (fractional) request counts. Outcomes are counted in the second of the
 * arrival, as in the discrete-event engine.
 *
 * <ul>
 *   <li>Counts: a row's count is the change of the rounded running total, so every second holds
 *       whole requests and the run's totals are the fluid totals rounded (a share of 1e-9 of 503s
 *       makes no window; one that adds up to a request makes one, in the second it adds up).</li>
 *   <li>503s: rounded alone, the fluid's 503s would be an even trickle (one every few seconds) that
 *       merges into one long window where a real queue rejects in bursts. Once the run is complete,
 *       {@link BurstRenderer} moves whole 503s between seconds into episodes of the size and length
 *       the queue's diffusion at the rejecting level gives ({@link RejectionEpisodes}, from the
 *       arrivals and the service capacity of each second); a row's ok count takes the difference,
 *       its arrivals, 504s, 502s and latencies stay. Weak: the episodes come at their mean spacing
 *       (the typical run), so below the rate where they merge the timeline is inside a window less
 *       often than a real run (whose bursts now and then fall close together), and a window's onset
 *       is only as good as the fluid 503 rate's own timing.</li>
 *   <li>Latency: {@link FluidLatency}, from the waits of the served requests per arrival second. With a
 *       longest wait beyond the max wait (Knative: the activator holds requests up to the revision
 *       timeout while the queue-proxies' waits end far sooner) a second grid of
 *       {@link WaitBins#TAIL_BINS} bins spaced geometrically over (max wait, longest wait) takes the
 *       longer waits of the fluid backlog, and outcomes are settled that much later
 *       ({@link WaitBins}).</li>
 * </ul>
 * Mutable; engine-only.
 */
final class FluidRecorder {
    private static final long SECOND = 1_000_000_000L;

    private final int seconds;
    private final int lagSeconds;
    private final int ring;
    private final double[] ok;
    private final double[] rejected;
    private final double[] timedOut;
    private final double[] failed;
    private final WaitBins waitBins;
    private final ServiceTimeTable service;
    private final FluidLatency latency;
    private final TimelineRow[] rows;
    private final ReplicaSample[] samples;
    /** Per second, for {@link BurstRenderer}: service capacity (slots / mean service time), the room for 503s, the episode shape. */
    private final double[] capacityPerSecond;
    private final long[] rejectedRoom;
    private final RejectionEpisodes.Shape[] shapes;
    private final double serviceCv;
    private final RunLog log = new RunLog();
    /** Fluid totals of the seconds already finished, and their rounded sums. */
    private double closedOk;
    private double closedRejected;
    private double closedTimedOut;
    private double closedFailed;
    private long okRounded;
    private long rejectedRounded;
    private long timedOutRounded;
    private long failedRounded;
    private int finalized;
    private double queued;
    private double queueWaitSeconds;

    /**
     * A recorder whose waits reach {@code longestWaitNanos} &gt;= {@code waitLimitNanos} (the tail grid beyond the max wait),
     * spread by {@code spread} (behind least-in-flight; else null).
     */
    FluidRecorder(int seconds, long waitLimitNanos, long longestWaitNanos, DepartureSpread spread, long highestMicros,
            ServiceTimeTable service, long timeoutNanos, double serviceCv) {
        this.seconds = seconds;
        this.serviceCv = serviceCv;
        this.waitBins = new WaitBins(waitLimitNanos, longestWaitNanos, spread);
        this.capacityPerSecond = new double[seconds];
        this.rejectedRoom = new long[seconds];
        this.shapes = new RejectionEpisodes.Shape[seconds];
        this.lagSeconds = (int) (Math.max(waitLimitNanos, longestWaitNanos) / SECOND) + 1;
        this.ring = lagSeconds + 2;
        this.ok = new double[ring];
        this.rejected = new double[ring];
        this.timedOut = new double[ring];
        this.failed = new double[ring];
        this.service = service;
        this.latency = new FluidLatency(ring, waitBins, service, timeoutNanos, highestMicros);
        this.rows = new TimelineRow[seconds];
        this.samples = new ReplicaSample[seconds];
    }

    /** The ring slot of the arrival second of an instant. */
    int slotOf(long arrivalNanos) {
        return (int) (arrivalNanos / SECOND % ring);
    }

    void rejected(int slot, double count) {
        rejected[slot] += count;
    }

    /** {@code count} requests waited at a replica until the timeout and were answered 504 then (per-replica routing). */
    void timedOutWaiting(int slot, double count) {
        timedOut[slot] += count;
    }

    /** {@code count} requests were taken by a slot: split into 504, 502 and ok; their waits are added by the caller. */
    void served(int slot, double count, double errorRate) {
        double late = count * service.timedOutShare();
        double errors = (count - late) * errorRate;
        timedOut[slot] += late;
        failed[slot] += errors;
        ok[slot] += count - late - errors;
    }

    /**
     * Under {@code service.slowdown}: {@code started} requests started in a step of the second of {@code slot},
     * their service times stretched by the factors of {@code spread}. The second's latencies take its steps'
     * starts by factor bin, each bin at the mean factor of what fell in it (a request that waited into a later
     * second is taken at its arrival second's).
     */
    void stretched(int slot, double started, SlowdownSpread spread) {
        latency.stretched(slot, started, spread);
    }

    /** The max wait: the horizon of the wait bins ({@link WaitGrid}). */
    double waitLimitSeconds() {
        return waitBins.limitSeconds();
    }

    /** Served requests by wait: {@code bin} 0 is no wait, 1 + b is wait bin b, beyond them the tail's ({@link WaitBins}). */
    void servedWait(int slot, int bin, double count) {
        latency.servedWait(slot, bin, count);
    }

    /** {@code count} served requests of arrival second {@code slot} waited {@code waitSeconds} ({@link WaitBins#add}). */
    void servedWaitOf(int slot, double waitSeconds, double count) {
        latency.servedWaitOf(slot, waitSeconds, count);
    }

    /** {@code count} served requests of arrival second {@code slot} waited as the stationary queue's wait bin {@code b}. */
    void servedStationaryWait(int slot, int b, double count) {
        latency.servedStationaryWait(slot, b, count);
    }

    /** The bin of a wait of {@code waitSeconds} ({@link WaitBins#binAt}). */
    int waitBinAt(double waitSeconds) {
        return waitBins.binAt(waitSeconds);
    }

    /** Requests that waited (then started or got 503), and their total wait. */
    void waited(double count, double totalWaitSeconds) {
        queued += count;
        queueWaitSeconds += totalWaitSeconds;
    }

    /**
     * The engine reached the end of {@code second}: keep its sample and its service capacity (ready
     * slots / mean service time, per second), finish the seconds now settled; after the last one,
     * lay the run's 503s out in bursts ({@link BurstRenderer}).
     */
    void endOfSecond(int second, ReplicaSample sample, double capacityPerSecond) {
        if (second < seconds) {
            samples[second] = sample;
            this.capacityPerSecond[second] = capacityPerSecond;
        }
        while (finalized < seconds && finalized <= second - lagSeconds) {
            finish(finalized);
            finalized++;
            if (finalized == seconds) {
                renderBursts();
            }
        }
    }

    /** Moves whole 503s between seconds (ok takes the difference, arrivals stay): see {@link BurstRenderer}. */
    private void renderBursts() {
        long[] base = new long[seconds];
        for (int s = 0; s < seconds; s++) {
            base[s] = rows[s].rejected503();
        }
        long[] rendered = BurstRenderer.render(base, rejectedRoom, shapes, Windows.DEFAULT_MERGE_GAP_SECONDS);
        for (int s = 0; s < seconds; s++) {
            if (rendered[s] != base[s]) {
                TimelineRow r = rows[s];
                rows[s] = new TimelineRow(s, r.arrivals(), r.ok() + base[s] - rendered[s], rendered[s], r.timeout504(), r.error502(),
                        r.latencyP50Ms(), r.latencyP99Ms(), r.replicas());
            }
        }
    }

    private void finish(int second) {
        int slot = second % ring;
        long okRow = Math.round(closedOk + ok[slot]) - okRounded;
        okRounded += okRow;
        long rejectedRow = Math.round(closedRejected + rejected[slot]) - rejectedRounded;
        rejectedRounded += rejectedRow;
        long timedOutRow = Math.round(closedTimedOut + timedOut[slot]) - timedOutRounded;
        timedOutRounded += timedOutRow;
        long failedRow = Math.round(closedFailed + failed[slot]) - failedRounded;
        failedRounded += failedRow;
        FluidLatency.Percentiles p = latency.finish(slot);
        long arrivalsRow = okRow + rejectedRow + timedOutRow + failedRow;
        rejectedRoom[second] = Math.max(0, okRow) + rejectedRow;
        if (rejectedRow > 0) {
            double arrivals = ok[slot] + rejected[slot] + timedOut[slot] + failed[slot];
            shapes[second] = RejectionEpisodes.of(arrivals, capacityPerSecond[second], serviceCv, waitBins.limitSeconds());
        }
        rows[second] = new TimelineRow(second, arrivalsRow, okRow, rejectedRow, timedOutRow, failedRow, p.p50Ms(), p.p99Ms(),
                samples[second]);
        closedOk += ok[slot];
        closedRejected += rejected[slot];
        closedTimedOut += timedOut[slot];
        closedFailed += failed[slot];
        ok[slot] = 0;
        rejected[slot] = 0;
        timedOut[slot] = 0;
        failed[slot] = 0;
    }

    boolean isComplete() {
        return finalized == seconds;
    }

    List<TimelineRow> rows() {
        return List.of(Arrays.copyOf(rows, finalized));
    }

    Histogram latencyMicros() {
        return latency.run();
    }

    /** Requests that waited in the queue, rounded to whole requests. */
    long queued() {
        return Math.round(queued);
    }

    long queueWaitNanos() {
        return Math.round(queueWaitSeconds * 1e9);
    }

    /** The run's events, replica-hours and peak. */
    RunLog log() {
        return log;
    }
}
