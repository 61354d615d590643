package io.headroom.cli;

import io.headroom.planner.scenario.LoadLimits;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.sim.RunSpread;
import io.headroom.planner.sim.SimulationEngine;
import io.headroom.planner.sim.SimulationResult;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.WindowsCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code headroom simulate}: predicts when clients get 503s (and 504, 502), and why. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Simulate a scenario: when do clients get 503s, and why.",
        description = {
            "Runs a request-level discrete-event simulation of the scenario (or, with --engine fast, a time-stepped fluid model of it): arrivals that follow its traffic profile, the router queue with its wait limit (503), the scoring timeout (504), scoring errors (502), replica startup and failures, node capacity (with cluster.autoscaler: nodes that arrive minutes later, placeholders), and the autoscaler policy. Prints outcome counts and fractions, latency percentiles, replica-hours and cost, each node pool's nodes over time and node-hours, SLO verdicts, and the 503 windows with their cause (scale-up lag, max replicas, node provisioning, cluster full, startup failures).",
            "",
            "Exits 4 when the scenario sets SLOs and the run misses one (with --runs: the first run).",
            ""},
        footer = {"", "Examples:",
            "  headroom simulate scenarios/launch-day.yaml",
            "  headroom simulate scenarios/launch-day.yaml --seed 7 --out out/launch-day",
            "  headroom simulate scenarios/launch-day.yaml --runs 20 --format json",
            "  headroom simulate scenarios/launch-day.yaml --engine fast"})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgs scenarioArgs;


    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "des", converter = EngineConverter.class,
            description = "des (request-level discrete-event simulation, the reference) or fast (time-stepped fluid model with"
                    + " stationary queueing results per 100 ms step: its cost does not grow with the request rate; see the"
                    + " README for its accuracy; it models azureml-fe's central queue, a balancer's per-replica queues"
                    + " (round-robin, random, least-in-flight) and Knative's activator and queue-proxies, scale from zero"
                    + " included). Default: ${DEFAULT-VALUE}.")
    SimulationEngine engine;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
            description = "Repeat with N seeds (the scenario's, then derived ones) on all cores and report the spread"
                    + " (p5/p50/p95) of the headline numbers. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write summary.json, timeline.csv and windows.csv (and spread.json with --runs) into DIR.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Override
    public Integer call() {
        if (runs < 1 || runs > RunSpread.MAX_RUNS) {
            throw new ParameterException(spec.commandLine(), "--runs must be in [1, " + RunSpread.MAX_RUNS + "] but was " + runs);
        }
        Scenario scenario = scenarioArgs.load(runs, engine);
        PrintWriter stdout = spec.commandLine().getOut();
        try (ProgressBar progress = ProgressBar.onTerminal(spec.commandLine().getErr(), runs > 1 ? "runs" : "simulating")) {
            SimulationResult first = Simulator.run(scenario, engine, runs == 1 ? progress : Progress.NONE);
            RunSpread spread = runs > 1 ? RunSpread.run(scenario, first.summary(), runs, progress) : null;
            Summary summary = first.summary();
            progress.close();
            if (out != null) {
                write(first, spread);
            }
            if (format == OutputFormat.json) {
                stdout.print(SummaryJson.toJson(spread == null ? summary : jsonWithSpread(summary, spread)));
            } else {
                new SummaryTable(stdout).print(scenario, summary);
                if (spread != null) {
                    new SummaryTable(stdout).printSpread(spread);
                }
                if (out != null) {
                    stdout.printf("%nWrote %s%n", out.resolve("summary.json") + ", timeline.csv, windows.csv");
                }
            }
            stdout.flush();
            return ExitCode.verdict(Boolean.FALSE.equals(summary.sloMet()));
        }
    }

    private static Map<String, Object> jsonWithSpread(Summary summary, RunSpread spread) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("summary", summary);
        json.put("runs", spread.seeds().size());
        json.put("seeds", spread.seeds());
        json.put("spread", spread.spread());
        return json;
    }

    private void write(SimulationResult result, RunSpread spread) {
        try {
            Files.createDirectories(out);
            SummaryJson.write(result.summary(), out.resolve("summary.json"));
            TimelineCsv.write(result.timeline(), out.resolve("timeline.csv"));
            WindowsCsv.write(result.summary().windows(), out.resolve("windows.csv"));
            if (spread != null) {
                Files.writeString(out.resolve("spread.json"), SummaryJson.toJson(jsonWithSpread(result.summary(), spread)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new io.headroom.planner.InvalidInputException("cannot write into --out " + out + ": " + e.getMessage(), e);
        }
    }
}
