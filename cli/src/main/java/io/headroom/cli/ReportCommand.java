package io.headroom.cli;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.recommend.Recommendation;
import io.headroom.planner.recommend.Recommender;
import io.headroom.planner.scenario.LoadLimits;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.SeedBands;
import io.headroom.planner.sim.SimulationResult;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.timeline.Window;
import io.headroom.reports.CapacityReport;
import io.headroom.reports.ObservedRun;
import io.headroom.reports.ReportInput;
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

/** {@code headroom report}: the capacity review as one self-contained HTML file. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write the capacity review: one self-contained report.html with charts.",
        description = {
            "Simulates the scenario and writes report.html — one file that opens offline in any browser and can be attached to a ticket — plus the charts as PNG files (charts/*.png) for slides. Top to bottom: the headline a review can quote (what to set, the nodes it needs, what it costs per month), the verdict and headline numbers, the inputs, sizing at the peak rate, charts (traffic against capacity with 503 seconds shaded, replicas, latency, outcomes), the 503 windows with what would have prevented each, the assumptions, events. With --observed (a loadtest or validate output directory) the observed run is overlaid and a predicted-vs-observed panel added. With --runs N (2 to 50) the prediction runs under N seeds: the charts draw the p5–p95 band of ready replicas, capacity and p99 latency behind the first seed's lines, and the headline gives the spread.",
            "",
            "Exits 0 when the report is written, whatever its verdict (gate on 'simulate' or 'validate' instead); 3 for an invalid scenario or observed directory.",
            ""},
        footer = {"", "Examples:",
            "  headroom report scenarios/launch-day.yaml",
            "  headroom report scenarios/launch-day.yaml --observed out/launch-day-validate --out out/review",
            "  headroom report scenarios/launch-day.yaml --observed out/launch-day-loadtest",
            "  headroom report scenarios/launch-day.yaml --runs 10",
            "  headroom report scenarios/launch-day.yaml --recommend"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgs scenarioArgs;

    @Option(names = "--observed", paramLabel = "DIR",
            description = "An observed run: the directory 'loadtest' or 'validate' wrote (default out/<scenario file name>-loadtest or -validate), or any directory with an observed timeline.csv and summary.json.")
    Path observed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write report.html and charts/. Default: out/<scenario file name>.")
    Path out;


    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "des", converter = EngineConverter.class,
            description = "The engine of the prediction: des (discrete-event) or fast (time-stepped fluid: the central queue, per-replica routing and Knative's activator); the report says which. Default: ${DEFAULT-VALUE}.")
    io.headroom.planner.sim.SimulationEngine engine;

    @Option(names = "--recommend",
            description = "Also search for the cheapest settings that meet the SLOs (as 'headroom recommend' does; a few"
                    + " seconds for launch-day) and add a \"What to change\" section; each 503 window then gets the best"
                    + " alternative's change and reason.")
    boolean recommend;

    @Option(names = "--runs", paramLabel = "N",
            description = "Seeded runs of the prediction, 1 to " + SeedBands.MAX_RUNS + ": from 2 on, p5–p95 bands on the charts and"
                    + " the spread in the headline; with --recommend also the runs per configuration. Default: 1, or "
                    + Recommender.DEFAULT_RUNS + " with --recommend.")
    Integer runsOption;

    @Override
    public Integer call() {
        int runs = runsOption != null ? runsOption : recommend ? Recommender.DEFAULT_RUNS : 1;
        if (runs < 1 || runs > SeedBands.MAX_RUNS) {
            throw new ParameterException(spec.commandLine(), "--runs must be in [1, " + SeedBands.MAX_RUNS + "] but was " + runs);
        }
        Scenario scenario = recommend ? scenarioArgs.loadForRecommendation(runs, Screen.auto)
                : scenarioArgs.load(runs, engine);
        SimulationResult predicted = Simulator.run(scenario, engine);
        ReportInput input = ReportInput.of(scenario, predicted).withSizing(SizingFacts.of(scenario));
        if (runs > 1) {
            try (ProgressBar progress = ProgressBar.onTerminal(spec.commandLine().getErr(), "seeds")) {
                input = input.withBands(SeedBands.run(scenario, predicted, runs, engine, progress));
            }
        }
        if (observed != null) {
            input = input.withObserved(readObserved(observed));
        }
        if (recommend) {
            input = withRecommendation(input, scenario, predicted, runs);
        }
        Path dir = out != null ? out : scenarioArgs.defaultOut("");
        Path html;
        try {
            Files.createDirectories(dir);
            html = CapacityReport.write(input, dir);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        var s = predicted.summary();
        stdout.printf(java.util.Locale.ROOT, "%s: %s; %d 503 window(s), 503 fraction %.3f %%%n", scenario.name(),
                s.sloMet() == null ? "no SLOs set" : s.sloMet() ? "SLOs met" : "SLOs MISSED", s.windows().size(),
                100 * s.rejected503Fraction());
        stdout.printf("Wrote %s (charts in %s)%n", html, html.resolveSibling("charts"));
        stdout.flush();
        return ExitCode.OK;
    }

    private ReportInput withRecommendation(ReportInput input, Scenario scenario, SimulationResult predicted, int runs) {
        Recommendation r;
        try (ProgressBar progress = ProgressBar.onTerminal(spec.commandLine().getErr(), "recommending")) {
            r = Recommender.recommend(scenario, runs, Recommender.screenFor(scenario), progress);
        }
        Map<Window, String> byWindow = new LinkedHashMap<>();
        r.best().filter(best -> best != r.current()).ifPresent(best -> predicted.summary().windows()
                .forEach(w -> byWindow.put(w, best.changes() + ": " + best.reason())));
        return input.withRecommendations(byWindow).withRecommendation(r);
    }

    /** An observed run from a loadtest output directory, or a validate one (its observed/ subdirectory), validated. */
    static ObservedRun readObserved(Path given) {
        return ObservedRun.read(given);
    }
}
