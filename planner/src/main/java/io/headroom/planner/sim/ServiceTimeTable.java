package io.headroom.planner.sim;

import io.headroom.planner.dist.DurationSampler;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The service-time distribution as {@link FastEngine} needs it, estimated once per run from
 * {@value #SAMPLES} draws of the scenario's own sampler (so it works for every distribution,
 * empirical ones included, and is deterministic for a seed), scaled to the exact mean:
 *
 * <ul>
 *   <li>a departure kernel on the step grid: the share of requests started at a step that free
 *       their slot {@code d} steps later, {@code d = round(service / step)} (rounding, not ceiling,
 *       so a slot's busy time is unbiased: its mean is the service time's mean, not half a step more).
 *       Kept sparse, so a heavy tail costs its occupied steps only;</li>
 *   <li>the share of requests whose service exceeds the scoring timeout (504);</li>
 *   <li>{@value #POINTS} representative service times with their probability masses, for the
 *       latency histogram: bins of the quantile axis centred on the 50th, 90th, 99th and 99.9th
 *       percentiles, each represented by the sample at its middle rank.</li>
 * </ul>
 * Immutable after construction.
 */
final class ServiceTimeTable {
    static final int SAMPLES = 1 << 16;
    /** Edges of the quantile bins; a bin is represented by the quantile halfway between its edges. */
    private static final double[] EDGES = {0, .1, .2, .3, .4, .45, .55, .6, .7, .8, .85, .95, .97, .985, .995, .998, .9985,
        .9995, .9999, 1};
    static final int POINTS = EDGES.length - 1;
    /** Longest departure delay kept on the grid; a longer service frees its slot at this many steps. */
    private static final int MAX_STEPS = 1 << 20;

    private final int[] kernelSteps;
    private final double[] kernelShares;
    private final double timedOutShare;
    private final long[] pointNanos = new long[POINTS];
    private final double[] pointShares = new double[POINTS];

    ServiceTimeTable(DurationSampler sampler, SplittableRandom random, double meanNanos, long stepNanos, long timeoutNanos) {
        long[] samples = new long[SAMPLES];
        double sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = sampler.sampleNanos(random);
            sum += samples[i];
        }
        // scaled to the distribution's exact mean: the sample mean is off by about cv/256, and the
        // offered load, hence an Erlang rejection share near capacity, would inherit it several times over
        double scale = sum > 0 ? meanNanos * SAMPLES / sum : 1;
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = Math.round(samples[i] * scale);
        }
        Arrays.sort(samples);
        int[] steps = new int[SAMPLES];
        int distinct = 0;
        int[] counts = new int[SAMPLES];
        long timedOut = 0;
        for (long sample : samples) {
            int d = (int) Math.min(MAX_STEPS, (sample + stepNanos / 2) / stepNanos);
            if (distinct == 0 || steps[distinct - 1] != d) {
                steps[distinct++] = d;
            }
            counts[distinct - 1]++;
            if (sample > timeoutNanos) {
                timedOut++;
            }
        }
        this.kernelSteps = Arrays.copyOf(steps, distinct);
        this.kernelShares = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            kernelShares[i] = counts[i] / (double) SAMPLES;
        }
        this.timedOutShare = timedOut / (double) SAMPLES;
        for (int i = 0; i < POINTS; i++) {
            double middle = (EDGES[i] + EDGES[i + 1]) / 2;
            pointNanos[i] = samples[(int) Math.min(SAMPLES - 1, Math.floor(middle * SAMPLES))];
            pointShares[i] = EDGES[i + 1] - EDGES[i];
        }
    }

    /** Departure delays in steps, ascending, with {@link #kernelShares()} (summing to 1). */
    int[] kernelSteps() {
        return kernelSteps;
    }

    double[] kernelShares() {
        return kernelShares;
    }

    /** The share of requests that free their slot within the step they start in (service under half a step). */
    double sameStepShare() {
        return kernelSteps[0] == 0 ? kernelShares[0] : 0;
    }

    /** The longest departure delay, in steps. */
    int maxSteps() {
        return kernelSteps[kernelSteps.length - 1];
    }

    /** The share of requests whose service time exceeds the timeout (they get 504). */
    double timedOutShare() {
        return timedOutShare;
    }

    long pointNanos(int i) {
        return pointNanos[i];
    }

    double pointShare(int i) {
        return pointShares[i];
    }
}
