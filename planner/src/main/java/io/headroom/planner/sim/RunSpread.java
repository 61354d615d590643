package io.headroom.planner.sim;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.timeline.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The same scenario under several seeds, run on all cores, and the spread (p5 / p50 / p95, nearest
 * rank) of its headline numbers. Run 0 uses the scenario's own seed; run i > 0 the i-th value of a
 * {@link SplittableRandom} seeded with it.
 *
 * <p>Memory does not grow with what a run holds: each run's summary (windows, events) is dropped as
 * soon as its {@value #METRIC_COUNT} headline numbers are read, so a run costs its seven numbers and its seed,
 * and at most {@value #MAX_RUNS} runs are allowed (under 1 MB in all); only as many simulations as
 * there are cores are alive at once.
 *
 * @param seeds the seed of each run, in run order
 * @param spread headline metric name to its spread
 */
public record RunSpread(List<Long> seeds, Map<String, Spread> spread) {
    /** The most runs one spread takes. */
    public static final int MAX_RUNS = 10_000;
    static final int METRIC_COUNT = 7;

    public RunSpread {
        seeds = List.copyOf(seeds);
        spread = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spread));
    }

    /** p5, p50 and p95 of one metric over the runs. */
    public record Spread(double p5, double p50, double p95) {
    }

    /** The headline numbers of one run, in the order of {@link #NAMES}. */
    private static final List<String> NAMES = List.of("rejected503Fraction", "timeout504Fraction", "latencyP99Ms",
            "replicaHours", "cost", "windows", "peakReadyReplicas");
    private static final List<ToDoubleFunction<Summary>> METRICS = List.of(Summary::rejected503Fraction,
            Summary::timeout504Fraction, s -> s.latencyMs().p99() == null ? Double.NaN : s.latencyMs().p99(),
            s -> s.replicaHours() == null ? Double.NaN : s.replicaHours(), s -> s.cost() == null ? Double.NaN : s.cost(),
            s -> s.windows().size(), s -> s.peakReadyReplicas() == null ? Double.NaN : s.peakReadyReplicas());

    /** The seeds {@code runs} runs of a scenario with {@code seed} use. */
    public static List<Long> seeds(long seed, int runs) {
        List<Long> seeds = new ArrayList<>();
        seeds.add(seed);
        SplittableRandom derive = new SplittableRandom(seed);
        for (int i = 1; i < runs; i++) {
            seeds.add(derive.nextLong());
        }
        return seeds;
    }

    /**
     * Runs the other {@code runs - 1} seeds of {@code scenario} in parallel, beside {@code firstRun}
     * (the run with the scenario's own seed, which the caller already has); results are in seed
     * order whatever the scheduling.
     */
    public static RunSpread run(Scenario scenario, Summary firstRun, int runs, Progress progress) {
        if (firstRun.seed() != scenario.seed()) {
            throw new IllegalArgumentException("the first run must use the scenario's seed " + scenario.seed()
                    + " but used " + firstRun.seed());
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("runs must be in [1, " + MAX_RUNS + "] but was " + runs);
        }
        List<Long> seeds = seeds(scenario.seed(), runs);
        double[][] values = new double[METRICS.size()][runs];
        record(values, 0, firstRun);
        AtomicInteger done = new AtomicInteger(1);
        SimulationEngine engine = SimulationEngine.of(firstRun.engine());
        IntStream.range(1, runs).parallel().forEach(i -> {
            record(values, i, Simulator.run(scenario.withSeed(seeds.get(i)), engine).summary());
            progress.update(done.incrementAndGet() / (double) runs);
        });
        return of(seeds, values, firstRun.cost() != null);
    }

    /** The spread of {@code summaries}, the runs of {@code seeds} in the same order. */
    static RunSpread of(List<Long> seeds, List<Summary> summaries) {
        double[][] values = new double[METRICS.size()][summaries.size()];
        for (int i = 0; i < summaries.size(); i++) {
            record(values, i, summaries.get(i));
        }
        return of(seeds, values, summaries.get(0).cost() != null);
    }

    private static RunSpread of(List<Long> seeds, double[][] values, boolean costed) {
        Map<String, Spread> spread = new LinkedHashMap<>();
        for (int m = 0; m < NAMES.size(); m++) {
            if (NAMES.get(m).equals("cost") && !costed) {
                continue;
            }
            spread.put(NAMES.get(m), spread(values[m]));
        }
        return new RunSpread(seeds, spread);
    }

    private static void record(double[][] values, int run, Summary summary) {
        for (int m = 0; m < METRICS.size(); m++) {
            values[m][run] = METRICS.get(m).applyAsDouble(summary);
        }
    }

    private static Spread spread(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Spread(rank(sorted, 0.05), rank(sorted, 0.50), rank(sorted, 0.95));
    }

    /** Nearest-rank percentile of sorted values. */
    static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
