package io.headroom.planner.recommend;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.SimulationEngine;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.timeline.SloVerdict;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.Window;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Simulates configurations of one scenario under a fixed list of seeds (the same seeds for every
 * configuration: common random numbers, so two configurations differ only by their settings), the
 * seeds in parallel ({@link Parallel#simulate}: one run per core), and remembers each result so a search
 * that probes a configuration twice pays once; a search that asks while another is judging it waits for
 * that judgement. Thread-safe; a result depends only on the configuration, never on which thread asked first.
 *
 * <p>With {@code dropAtFirstMiss} the seeds run in pairs, in order, and a configuration is judged
 * as soon as a pair holds a run that misses the SLO: it can no longer meet it in every run, so the
 * remaining seeds are not simulated (its numbers are then over the runs simulated). Pairs, not the
 * machine's core count, so the result is the same on every machine. The fast engine's runs go one at a
 * time instead: a fast screening searches its targets in parallel (and the discrete-event runs of the
 * current settings run beside it), so the cores stay busy, and a configuration that misses on its first
 * seed costs one run, not two. Which configurations meet does not depend on the batch, only the numbers
 * of one that misses (over one run instead of two).
 */
final class Evaluator {
    private static final int BATCH = 2;
    private final Scenario scenario;
    private final List<Long> seeds;
    private final SimulationEngine engine;
    private final boolean dropAtFirstMiss;
    /** Every configuration asked for, judged or being judged: a second asker waits for the first, never simulates it again. */
    private final Map<Config, CompletableFuture<Evaluation>> results = new ConcurrentHashMap<>();
    private final Runnable onSimulated;
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    Evaluator(Scenario scenario, List<Long> seeds, SimulationEngine engine, boolean dropAtFirstMiss, Runnable onSimulated) {
        this.scenario = scenario;
        this.seeds = List.copyOf(seeds);
        this.engine = engine;
        this.dropAtFirstMiss = dropAtFirstMiss;
        this.onSimulated = onSimulated;
    }

    /** Every configuration judged by DES on every seed. */
    Evaluator(Scenario scenario, List<Long> seeds, Runnable onSimulated) {
        this(scenario, seeds, SimulationEngine.DES, false, onSimulated);
    }

    SimulationEngine engine() {
        return engine;
    }

    /** The configuration judged under every seed (at most once: concurrent askers share one judgement). */
    Evaluation evaluate(Config config) {
        CompletableFuture<Evaluation> mine = new CompletableFuture<>();
        CompletableFuture<Evaluation> known = results.putIfAbsent(config, mine);
        if (known != null) {
            return Parallel.awaited(known);
        }
        try {
            Evaluation e = judge(config);
            mine.complete(e);
            onSimulated.run();
            return e;
        } catch (RuntimeException | Error failure) {
            mine.completeExceptionally(failure);
            throw failure;
        }
    }

    private Evaluation judge(Config config) {
        Scenario configured = config.applyTo(scenario);
        Run[] all = new Run[seeds.size()];
        int simulated = 0;
        int batch = !dropAtFirstMiss ? all.length : engine == SimulationEngine.FAST ? 1 : BATCH;
        while (simulated < all.length) {
            int from = simulated;
            int to = Math.min(all.length, from + batch);
            List<Run> batchRuns = Parallel.simulate(seeds.subList(from, to),
                    seed -> Run.of(Simulator.run(configured.withSeed(seed), engine).summary()));
            for (int i = from; i < to; i++) {
                all[i] = batchRuns.get(i - from);
            }
            simulated = to;
            if (dropAtFirstMiss && java.util.Arrays.stream(all, from, to).anyMatch(r -> !r.sloMet())) {
                break;
            }
        }
        Run[] runs = java.util.Arrays.copyOf(all, simulated);
        requests.addAndGet(java.util.Arrays.stream(runs).mapToLong(Run::requests).sum());
        return summarize(config, runs);
    }

    /**
     * What a judgement needs of one run, kept instead of its summary (whose events and timeline-sized
     * parts would otherwise stay alive for every seed until the configuration is judged).
     */
    private record Run(boolean sloMet, List<String> missed, double rejected503Fraction, double p99Ms, double replicaHours,
            Double cost, int peakReady, long requests, List<Window> windows, Double nodeHours) {
        static Run of(Summary s) {
            List<String> missed = s.slo().stream().filter(v -> !v.met()).map(SloVerdict::objective).toList();
            return new Run(Boolean.TRUE.equals(s.sloMet()), missed, s.rejected503Fraction(),
                    s.latencyMs().p99() == null ? 0 : s.latencyMs().p99(), s.replicaHours() == null ? 0 : s.replicaHours(),
                    s.cost(), s.peakReadyReplicas() == null ? 0 : s.peakReadyReplicas(), s.requests(), s.windows(),
                    s.nodePools().isEmpty() ? null : s.nodePools().stream().mapToDouble(p -> p.nodeHours()).sum());
        }
    }

    /** Whether {@code config} was judged already and meets the SLOs (nothing is simulated). */
    boolean knownToMeet(Config config) {
        CompletableFuture<Evaluation> known = results.get(config);
        return known != null && known.isDone() && !known.isCompletedExceptionally() && known.join().meetsSlo();
    }

    /** Distinct configurations simulated so far. */
    int simulated() {
        return results.size();
    }

    /** Requests simulated so far, summed over configurations and seeds (for the benchmark). */
    long requestsSimulated() {
        return requests.get();
    }

    private Evaluation summarize(Config config, Run[] runs) {
        int meeting = 0;
        double r503 = 0;
        double worstP99 = 0;
        double hours = 0;
        double cost = 0;
        double nodeHours = 0;
        int peak = 0;
        Set<String> missed = new LinkedHashSet<>();
        Run firstMissing = null;
        for (Run r : runs) {
            if (r.sloMet()) {
                meeting++;
            } else if (firstMissing == null) {
                firstMissing = r;
            }
            missed.addAll(r.missed());
            r503 += r.rejected503Fraction();
            worstP99 = Math.max(worstP99, r.p99Ms());
            hours += r.replicaHours();
            cost += r.cost() == null ? 0 : r.cost();
            nodeHours += r.nodeHours() == null ? 0 : r.nodeHours();
            peak = Math.max(peak, r.peakReady());
        }
        int n = runs.length;
        Run shown = firstMissing != null ? firstMissing : runs[0];
        return new Evaluation(config, n, meeting, r503 / n, worstP99, hours / n, runs[0].cost() == null ? null : cost / n, peak,
                new ArrayList<>(missed), shown.windows(), engine, runs[0].nodeHours() == null ? null : nodeHours / n);
    }
}
