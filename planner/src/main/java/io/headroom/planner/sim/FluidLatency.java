package io.headroom.planner.sim;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * {@link FluidRecorder}'s latencies: a served request's latency is its router wait plus its service
 * time (the timeout for a 504). Per arrival second (a slot of the recorder's ring) the waits are kept
 * as weights on the bins of {@link WaitBins}; when the second is final ({@link #finish}), every wait
 * bin is combined with every representative service time of {@link ServiceTimeTable} (wait and
 * service independent), each pair recorded with its weight in units of 1/{@value #UNITS} request, into
 * the second's histogram (its p50 and p99) and the run's. Percentiles are read from these histograms
 * as in the discrete-event engine; the max is the largest point recorded (the service time's 99.995th
 * percentile plus the largest wait), not a sample's maximum. Under {@code service.slowdown} the
 * second's starts are kept by factor bin ({@link SlowdownSpread}) and its service times stretched by
 * each bin's mean factor. Mutable; engine-only.
 */
final class FluidLatency {
    static final long UNITS = 1024;

    /** A second's latency percentiles in milliseconds (NaN when it served nothing). */
    record Percentiles(double p50Ms, double p99Ms) {
    }

    private final WaitBins waitBins;
    private final ServiceTimeTable service;
    private final long timeoutMicros;
    private final long highestMicros;
    /** Per slot: weight of served requests by wait, [0] = no wait, [1 + b] = wait bin b. */
    private final double[][] waits;
    /**
     * Under {@code service.slowdown}, per slot and factor bin: the starts of its steps, and their factor weighted by
     * them (all 0 without one: the drawn service time).
     */
    private final double[][] stretchedStarts;
    private final double[][] stretchWeighted;
    /** Scratch for one second: the factor bins that hold starts, their starts and mean factor. */
    private final double[] factorShares = new double[SlowdownSpread.BINS];
    private final double[] factorMeans = new double[SlowdownSpread.BINS];
    private final Histogram secondMicros;
    private final Histogram latencyMicros;
    /**
     * The run's served requests not yet in {@link #latencyMicros}, in units, by wait bin and service point
     * ([bin × points + point]): unstretched, each such pair is always the same latency, so the run histogram takes
     * each once, when read, instead of once a second (the counts add; the histogram is the same).
     */
    private final long[] pendingUnits;

    FluidLatency(int ring, WaitBins waitBins, ServiceTimeTable service, long timeoutNanos, long highestMicros) {
        this.waitBins = waitBins;
        this.service = service;
        this.timeoutMicros = timeoutNanos / 1000;
        this.highestMicros = highestMicros;
        this.waits = new double[ring][waitBins.count()];
        this.stretchedStarts = new double[ring][SlowdownSpread.BINS];
        this.stretchWeighted = new double[ring][SlowdownSpread.BINS];
        this.secondMicros = new Histogram(highestMicros, 2);
        this.latencyMicros = new Histogram(highestMicros, 3);
        this.pendingUnits = new long[waitBins.count() * ServiceTimeTable.POINTS];
    }

    /** {@code started} requests of {@code slot} started with their service times stretched by {@code spread}'s factors. */
    void stretched(int slot, double started, SlowdownSpread spread) {
        double[] starts = stretchedStarts[slot];
        double[] weighted = stretchWeighted[slot];
        for (int b = spread.lowestBin(); b <= spread.highestBin(); b++) {
            starts[b] += started * spread.weight(b);
            weighted[b] += started * spread.weightedFactor(b);
        }
    }

    /** Served requests by wait: {@code bin} 0 is no wait, 1 + b is wait bin b, beyond them the tail's ({@link WaitBins}). */
    void servedWait(int slot, int bin, double count) {
        waits[slot][bin] += count;
    }

    /** {@code count} served requests of {@code slot} waited {@code waitSeconds} ({@link WaitBins#add}). */
    void servedWaitOf(int slot, double waitSeconds, double count) {
        waitBins.add(waits[slot], waitSeconds, count);
    }

    /** {@code count} served requests of {@code slot} waited as the stationary queue's wait bin {@code b}. */
    void servedStationaryWait(int slot, int b, double count) {
        waitBins.addStationary(waits[slot], b, count);
    }

    /** Records the final second of {@code slot} and clears the slot for a later second: its percentiles. */
    Percentiles finish(int slot) {
        secondMicros.reset();
        double[] w = waits[slot];
        double[] starts = stretchedStarts[slot];
        // the factor bins that hold starts, each as its share and mean factor
        int held = 0;
        double startsTotal = 0;
        for (int f = 0; f < starts.length; f++) {
            if (starts[f] > 0) {
                factorShares[held] = starts[f];
                factorMeans[held] = stretchWeighted[slot][f] / starts[f];
                startsTotal += starts[f];
                held++;
            }
        }
        for (int b = 0; b < w.length; b++) {
            if (w[b] <= 0) {
                continue;
            }
            if (held == 0) {
                record(w[b], b, 1);
                continue;
            }
            for (int f = 0; f < held; f++) {
                record(w[b] * factorShares[f] / startsTotal, b, factorMeans[f]);
            }
        }
        boolean none = secondMicros.getTotalCount() == 0;
        Percentiles p = new Percentiles(none ? Double.NaN : secondMicros.getValueAtPercentile(50) / 1000.0,
                none ? Double.NaN : secondMicros.getValueAtPercentile(99) / 1000.0);
        Arrays.fill(starts, 0);
        Arrays.fill(stretchWeighted[slot], 0);
        Arrays.fill(w, 0);
        return p;
    }

    /** The run's latency histogram. */
    Histogram run() {
        for (int i = 0; i < pendingUnits.length; i++) {
            if (pendingUnits[i] > 0) {
                long micros = servedMicros(waitBins.micros(i / ServiceTimeTable.POINTS),
                        service.pointNanos(i % ServiceTimeTable.POINTS) / 1000);
                latencyMicros.recordValueWithCount(micros, pendingUnits[i]);
                pendingUnits[i] = 0;
            }
        }
        return latencyMicros;
    }

    /** {@code weight} served requests that waited wait bin {@code bin}'s time, over the service-time grid stretched by {@code factor}. */
    private void record(double weight, int bin, double factor) {
        long waitMicros = waitBins.micros(bin);
        for (int p = 0; p < ServiceTimeTable.POINTS; p++) {
            long units = Math.round(weight * service.pointShare(p) * UNITS);
            if (units > 0) {
                long serviceMicros = factor == 1 ? service.pointNanos(p) / 1000 : Math.round(service.pointNanos(p) * factor / 1000);
                long micros = servedMicros(waitMicros, serviceMicros);
                secondMicros.recordValueWithCount(micros, units);
                if (factor == 1) {
                    pendingUnits[bin * ServiceTimeTable.POINTS + p] += units;
                } else {
                    latencyMicros.recordValueWithCount(micros, units);
                }
            }
        }
    }

    /** A served request's latency: its wait plus its service, cut at the timeout, within the histograms' range. */
    private long servedMicros(long waitMicros, long serviceMicros) {
        return Math.min(highestMicros, waitMicros + Math.min(timeoutMicros, serviceMicros));
    }
}
