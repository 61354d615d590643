package io.headroom.cli;

import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.EngineComparison;
import io.headroom.planner.sim.EngineSuite;
import io.headroom.planner.sim.RunSpread;
import io.headroom.planner.sim.SimulationEngine;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.sim.SimulatorBenchmark;
import io.headroom.planner.sim.SimulatorBenchmark.Measurement;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code headroom bench engines}: the fast engine's accuracy against DES on the suite, and its speed at scale. */
@Command(name = "engines", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Benchmark the engines: the fast engine's accuracy against DES on the suite, and its speed at 100k rps.",
        description = {
            "Accuracy: runs every example of scenarios/ the fast engine models and the built-in cases on both engines with the same --runs seeds (DES on all cores, the fast engine on one thread), and prints per scenario the means of the 503 fraction, the windows (those most seeds show) found with the fast onset's error, and replica-hours, each with its verdict against the tolerances (503 within 15 %% relative or 0.1 percentage point, onset within 2 s, replica-hours within 5 %%). 'DES on others' applies the window check to DES itself (--runs further seeds): where it misses, the onset belongs to the seeds, not the model. The '1 run' columns show how far the farthest single run of each engine lies from its mean. Under a row that misses windows, each missed window with both errors. Then, per scenario, each engine's per-run p99 latency over the same seeds (Knative services fail on latency, not 503).",
            "Speed: simulates --length at --rps (and at 1 %% of it) on the fast engine, on one thread, after a warm-up, and prints the wall time; then --length at --rps behind random routing (per-replica queues of 100, as behind kube-proxy's iptables mode).",
            ""})
final class BenchEnginesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "" + EngineSuite.RUNS,
            description = "Seeds per engine and scenario (a whole number >= 1). Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--rps", paramLabel = "RPS", defaultValue = "100000",
            description = "Mean request rate of the speed workload, requests per second. Default: ${DEFAULT-VALUE}.")
    double rps;

    @Option(names = "--length", paramLabel = "DURATION", defaultValue = "24h",
            description = "Simulated time of the speed workload, a duration with its unit. Default: ${DEFAULT-VALUE}.")
    Duration length;

    @Option(names = "--accuracy", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Print the accuracy table (--no-accuracy skips it). Default: on.")
    boolean accuracy;

    @Option(names = "--large", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also compare on large-ramp.yaml (34 M requests a run) with " + EngineSuite.LARGE_RUNS
                    + " seeds per engine, after the suite (--no-large skips it; about a minute on 2 cores). Default: on.")
    boolean large;

    @Option(names = "--speed", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Time the fast engine at --rps (--no-speed skips it). Default: on.")
    boolean speed;

    /**
     * Per scenario, each engine's per-run p99 latency over the same seeds (mean and range, each run's p99 read from
     * its own histogram, as an SLO verdict reads it). Knative services fail on latency rather than 503 (the
     * activator holds requests).
     */
    static void latency(PrintWriter out, List<EngineComparison> rows) {
        out.printf(Locale.ROOT, "%np99 latency per run (mean over the seeds, min-max): the latency SLO verdict a run gets%n");
        for (EngineComparison c : rows) {
            EngineComparison.P99 d = c.desP99();
            EngineComparison.P99 f = c.fastP99();
            out.printf(Locale.ROOT, "  %-36s DES %s  fast %s  %s%n", EngineTable.fit(c.scenario(), 36), seconds(d), seconds(f),
                    Double.isNaN(d.meanMs()) || Double.isNaN(f.meanMs()) ? "" : String.format(Locale.ROOT, "%+.1f %%", 100 * (f.meanMs() / d.meanMs() - 1)));
        }
        out.flush();
    }

    private static String seconds(EngineComparison.P99 p) {
        return Double.isNaN(p.meanMs()) ? "none served"
                : String.format(Locale.ROOT, "%7.3f s (%.3f-%.3f)", p.meanMs() / 1000, p.minMs() / 1000, p.maxMs() / 1000);
    }

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runs must be >= 1 but was " + runs);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (accuracy) {
            List<Scenario> suite = new ArrayList<>();
            for (String example : EngineSuite.EXAMPLES) {
                suite.add(BundledScenarios.load(example));
            }
            suite.addAll(EngineSuite.builtIn());
            out.printf(Locale.ROOT, "fast engine vs DES (the means of %d seeds each%s), %d scenarios%n", runs,
                    large ? ", " + EngineSuite.LARGE_RUNS + " on " + String.join(", ", EngineSuite.LARGE_EXAMPLES) : "",
                    suite.size() + (large ? EngineSuite.LARGE_EXAMPLES.size() : 0));
            out.flush();
            List<EngineComparison> rows = new ArrayList<>();
            EngineTable table = new EngineTable(out);
            table.header();
            for (Scenario s : suite) {
                EngineComparison c = EngineComparison.of(s, runs);
                rows.add(c);
                table.row(c);
                out.flush();
            }
            if (large) {
                for (String example : EngineSuite.LARGE_EXAMPLES) {
                    EngineComparison c = EngineComparison.of(BundledScenarios.load(example), EngineSuite.LARGE_RUNS);
                    rows.add(c);
                    table.row(c);
                    out.flush();
                }
            }
            table.footer(rows);
            latency(out, rows);
        }
        if (speed) {
            out.printf(Locale.ROOT, "%nfast engine, one thread: %s at %,.0f rps (200 ms requests, 4 slots per replica, azureml)%n",
                    io.headroom.planner.time.Durations.format(length), rps);
            SimulatorBenchmark.fastEngine(rps, Duration.ofHours(1), 1);
            for (double r : new double[] {rps / 100, rps}) {
                Measurement m = SimulatorBenchmark.fastEngine(r, length, 2);
                out.printf(Locale.ROOT, "  %,10.0f rps: %,d requests in %.2f s wall%n", r, m.requests(), m.nanos() / 1e9);
                out.flush();
            }
            Routing random = new Routing(Routing.Mode.RANDOM, Routing.DEFAULT_REPLICA_QUEUE_LIMIT);
            SimulatorBenchmark.fastEngine(rps, Duration.ofHours(1), 1, random);
            Measurement m = SimulatorBenchmark.fastEngine(rps, length, 2, random);
            out.printf(Locale.ROOT, "  %,10.0f rps behind random routing (a queue of %d per replica): %,d requests in %.2f s wall%n", rps,
                    random.replicaQueueLimit(), m.requests(), m.nanos() / 1e9);
        }
        out.flush();
        return ExitCode.OK;
    }
}
