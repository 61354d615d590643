package io.headroom.cli;

import io.headroom.loadgen.loadtest.LoadTest;
import io.headroom.loadgen.loadtest.LoadTestResult;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.SimulationResult;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.time.Clock;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.WindowsCsv;
import io.headroom.reports.CapacityReport;
import io.headroom.reports.ObservedRun;
import io.headroom.reports.ReportInput;
import io.headroom.reports.compare.Comparison;
import io.headroom.reports.compare.Thresholds;
import io.headroom.reports.compare.WindowMatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code headroom validate}: simulate, load-test the same traffic, compare second by second. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Check a prediction against the live endpoint: simulate, load-test, compare.",
        description = {
            "Simulates the scenario, then load-tests the target with the same requests at the same",
            "instants (see 'headroom loadtest'), and compares the two second by second: agreement of",
            "503 seconds (precision, recall, overlap), onset and end error of each matched 503 window",
            "(windows of at least 10 rejected requests), predicted vs observed 503 fraction, latency",
            "p50/p99, and ready replicas over time when the target exposes them.",
            "",
            "Writes into --out: predicted/ and observed/ (summary.json, timeline.csv, windows.csv;",
            "observed/ also latency.hlog and loadtest.json), comparison.json, and report.html with",
            "both runs overlaid.",
            "",
            "The verdict uses --fail-on thresholds when given, else the defaults fraction503=0.2,",
            "onset=2, recall=0.5. Exit codes: 0 done (a failed default verdict is printed, not",
            "fatal); 4 a --fail-on threshold did not hold; 5 the load test is incomplete.",
            ""},
        footer = {"", "Threshold keys for --fail-on KEY=VALUE (repeatable):",
            "  fraction503  largest relative error of the 503 fraction (0.2 = 20 %%)",
            "  onset, end   largest error in seconds of a matched window's start or end",
            "  precision, recall, overlap   smallest agreement of 503 seconds (0..1)",
            "  p99          largest relative error of latency p99",
            "  windows      largest number of unmatched significant windows",
            "", "Example:",
            "  headroom target scenarios/launch-day.yaml --port 8080 &",
            "  headroom validate scenarios/launch-day.yaml --target http://127.0.0.1:8080/score \\",
            "      --fail-on fraction503=0.2 --fail-on onset=2"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgs scenarioArgs;

    @Mixin
    LoadTestOptions target;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write. Default: out/<scenario file name>-validate.")
    Path out;


    @Option(names = "--no-warm-up", description = "Skip the load generator's 3 s warm-up (see 'headroom loadtest --help').")
    boolean noWarmUp;

    @Option(names = "--fail-on", paramLabel = "KEY=VALUE", description = "A threshold the prediction must hold to; repeatable.")
    Map<String, Double> failOn = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Thresholds thresholds;
        try {
            thresholds = failOn.isEmpty() ? Thresholds.DEFAULT : new Thresholds(failOn);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
        }
        Scenario scenario = scenarioArgs.load();
        var request = target.request(scenario.request());
        Path dir = out != null ? out : scenarioArgs.defaultOut("-validate");
        PrintWriter stdout = spec.commandLine().getOut();
        SimulationResult predicted = Simulator.run(scenario);
        writePredicted(predicted, dir.resolve("predicted"));
        LoadTest test = new LoadTest(scenario, request);
        stdout.printf(Locale.ROOT, "validate: simulated; now load-testing %s with the same %d requests over %ds%n", request,
                test.plannedRequests(), scenario.traffic().seconds());
        stdout.flush();
        LoadTestResult observed = LoadtestCommand.run(test, dir.resolve("observed"), spec.commandLine().getErr(), !noWarmUp);
        Comparison comparison = Comparison.of(predicted.summary(), predicted.timeline(), observed.summary(), observed.timeline(),
                thresholds);
        try {
            Files.writeString(dir.resolve("comparison.json"), SummaryJson.toJson(comparison));
            CapacityReport.write(ReportInput.of(scenario, predicted).withSizing(SizingFacts.of(scenario))
                    .withObserved(new ObservedRun(observed.summary(), observed.timeline())), dir);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
        print(stdout, comparison);
        LoadtestCommand.printGenerator(stdout, observed.generator());
        stdout.printf("%nWrote %s (predicted/, observed/, comparison.json, report.html)%n", dir);
        stdout.flush();
        if (observed.incomplete()) {
            return ExitCode.INCOMPLETE;
        }
        return !failOn.isEmpty() && !comparison.verdict().agrees() ? ExitCode.VERDICT_FAILED : 0;
    }

    private static void writePredicted(SimulationResult predicted, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        SummaryJson.write(predicted.summary(), dir.resolve("summary.json"));
        TimelineCsv.write(predicted.timeline(), dir.resolve("timeline.csv"));
        WindowsCsv.write(predicted.summary().windows(), dir.resolve("windows.csv"));
    }

    private static void print(PrintWriter out, Comparison c) {
        out.println();
        out.printf(Locale.ROOT, "  %-24s %12s %12s%n", "", "predicted", "observed");
        out.printf(Locale.ROOT, "  %-24s %11.3f%% %11.3f%%   (relative error %.1f %%)%n", "503 fraction", 100 * c.predicted503Fraction(),
                100 * c.observed503Fraction(), 100 * c.relative503Error());
        out.printf(Locale.ROOT, "  %-24s %12s %12s%n", "latency p50", ms(c.latencyMs().predicted().p50()), ms(c.latencyMs().observed().p50()));
        out.printf(Locale.ROOT, "  %-24s %12s %12s%n", "latency p99", ms(c.latencyMs().predicted().p99()), ms(c.latencyMs().observed().p99()));
        out.printf(Locale.ROOT, "  503 seconds: precision %s, recall %s, overlap %s%n", ratio(c.precision()), ratio(c.recall()),
                ratio(c.overlap()));
        if (c.replicasMeanAbsoluteError() != null) {
            out.printf(Locale.ROOT, "  ready replicas: mean absolute error %.2f per second%n", c.replicasMeanAbsoluteError());
        }
        for (WindowMatch m : c.windows()) {
            out.printf(Locale.ROOT, "  window %s–%s predicted: %s%n", Clock.of(m.predicted().startSecond()),
                    Clock.of(m.predicted().endSecond()), m.observed() == null ? "not observed"
                            : String.format(Locale.ROOT, "observed %s–%s, onset error %+d s, end error %+d s",
                                    Clock.of(m.observed().startSecond()), Clock.of(m.observed().endSecond()),
                                    m.onsetErrorSeconds(), m.endErrorSeconds()));
        }
        c.unmatchedObservedWindows().forEach(w -> out.printf(Locale.ROOT, "  window %s–%s observed but not predicted%n",
                Clock.of(w.startSecond()), Clock.of(w.endSecond())));
        out.println();
        out.println(c.verdict().agrees() ? "  verdict: the prediction holds" : "  verdict: the prediction is off:");
        c.verdict().failures().forEach(f -> out.println("    - " + f));
    }

    private static String ms(Double millis) {
        return millis == null ? "—" : millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String ratio(Double r) {
        return r == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r);
    }
}
