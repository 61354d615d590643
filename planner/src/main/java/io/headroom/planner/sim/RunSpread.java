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
 * @param seeds the seed of each run, in run order
 * @param summaries each run's summary, in run order
 * @param spread headline metric name to its spread
 */
public record RunSpread(List<Long> seeds, List<Summary> summaries, Map<String, Spread> spread) {
    public RunSpread {
        seeds = List.copyOf(seeds);
        summaries = List.copyOf(summaries);
        spread = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spread));
    }

    /** p5, p50 and p95 of one metric over the runs. */
    public record Spread(double p5, double p50, double p95) {
    }

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
        List<Long> seeds = seeds(scenario.seed(), runs);
        Summary[] summaries = new Summary[runs];
        summaries[0] = firstRun;
        AtomicInteger done = new AtomicInteger(1);
        SimulationEngine engine = SimulationEngine.of(firstRun.engine());
        IntStream.range(1, runs).parallel().forEach(i -> {
            summaries[i] = Simulator.run(scenario.withSeed(seeds.get(i)), engine).summary();
            progress.update(done.incrementAndGet() / (double) runs);
        });
        List<Summary> list = List.of(summaries);
        Map<String, Spread> spread = new LinkedHashMap<>();
        spread.put("rejected503Fraction", spread(list, Summary::rejected503Fraction));
        spread.put("timeout504Fraction", spread(list, Summary::timeout504Fraction));
        spread.put("latencyP99Ms", spread(list, s -> s.latencyMs().p99() == null ? Double.NaN : s.latencyMs().p99()));
        spread.put("replicaHours", spread(list, s -> s.replicaHours()));
        if (list.get(0).cost() != null) {
            spread.put("cost", spread(list, Summary::cost));
        }
        spread.put("windows", spread(list, s -> s.windows().size()));
        spread.put("peakReadyReplicas", spread(list, s -> s.peakReadyReplicas()));
        return new RunSpread(seeds, list, spread);
    }

    private static Spread spread(List<Summary> summaries, ToDoubleFunction<Summary> metric) {
        double[] values = summaries.stream().mapToDouble(metric).toArray();
        Arrays.sort(values);
        return new Spread(rank(values, 0.05), rank(values, 0.50), rank(values, 0.95));
    }

    /** Nearest-rank percentile of sorted values. */
    static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
