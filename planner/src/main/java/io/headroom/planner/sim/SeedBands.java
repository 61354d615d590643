package io.headroom.planner.sim;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The spread of one scenario over several seeds, second by second: for the report's charts, the
 * p5–p95 band (nearest rank) of ready replicas, the ready capacity they give and the per-second p99
 * latency, and the spread of the headline numbers ({@link RunSpread}). Run 0 is the scenario's own
 * seed (the run the report draws as its line); the others are the seeds {@link RunSpread#seeds}
 * derives, simulated in parallel. Each run's timeline is reduced to its bands' values as soon as it
 * ends, so memory is {@code runs × seconds × 2} floats; at most {@value #MAX_RUNS} runs.
 *
 * @param spread the headline numbers over the runs
 * @param readyReplicas ready replicas per second
 * @param latencyP99Ms per-second p99 latency (seconds in which a run served nothing are left out of that second's band)
 */
public record SeedBands(RunSpread spread, Band readyReplicas, Band latencyP99Ms) {
    /** The most runs a band is drawn from. */
    public static final int MAX_RUNS = 50;

    /** Per second: the p5 and p95 over the runs; NaN where no run has a value. */
    public record Band(double[] p5, double[] p95) {
        public Band {
            if (p5.length != p95.length) {
                throw new IllegalArgumentException("a band needs as many p5 as p95 values");
            }
        }

        public int seconds() {
            return p5.length;
        }
    }

    /** {@code runs} seeds of {@code scenario} on {@code engine}; {@code first} is the run with its own seed. */
    public static SeedBands run(Scenario scenario, SimulationResult first, int runs, SimulationEngine engine, Progress progress) {
        if (runs < 2 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("bands need 2 to " + MAX_RUNS + " runs but got " + runs);
        }
        if (first.summary().seed() != scenario.seed()) {
            throw new IllegalArgumentException("the first run must use the scenario's seed " + scenario.seed());
        }
        List<Long> seeds = RunSpread.seeds(scenario.seed(), runs);
        int seconds = scenario.traffic().seconds();
        float[][] ready = new float[runs][];
        float[][] p99 = new float[runs][];
        Summary[] summaries = new Summary[runs];
        AtomicInteger done = new AtomicInteger(1);
        IntStream.range(0, runs).parallel().forEach(i -> {
            SimulationResult r = i == 0 ? first : Simulator.run(scenario.withSeed(seeds.get(i)), engine);
            ready[i] = perSecond(r.timeline(), seconds, row -> row.replicas() == null ? Double.NaN : row.replicas().ready());
            p99[i] = perSecond(r.timeline(), seconds, row -> row.latencyP99Ms() > 0 ? row.latencyP99Ms() : Double.NaN);
            summaries[i] = r.summary();
            if (i > 0) {
                progress.update(done.incrementAndGet() / (double) runs);
            }
        });
        return new SeedBands(RunSpread.of(seeds, List.of(summaries)), band(ready, seconds), band(p99, seconds));
    }

    private static float[] perSecond(List<TimelineRow> rows, int seconds, ToDoubleFunction<TimelineRow> value) {
        float[] out = new float[seconds];
        Arrays.fill(out, Float.NaN);
        for (TimelineRow row : rows) {
            if (row.second() < seconds) {
                out[row.second()] = (float) value.applyAsDouble(row);
            }
        }
        return out;
    }

    private static Band band(float[][] runs, int seconds) {
        double[] p5 = new double[seconds];
        double[] p95 = new double[seconds];
        double[] sorted = new double[runs.length];
        for (int s = 0; s < seconds; s++) {
            int n = 0;
            for (float[] run : runs) {
                if (!Float.isNaN(run[s])) {
                    sorted[n++] = run[s];
                }
            }
            if (n == 0) {
                p5[s] = Double.NaN;
                p95[s] = Double.NaN;
                continue;
            }
            double[] present = Arrays.copyOf(sorted, n);
            Arrays.sort(present);
            p5[s] = RunSpread.rank(present, 0.05);
            p95[s] = RunSpread.rank(present, 0.95);
        }
        return new Band(p5, p95);
    }
}
