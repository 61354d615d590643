package io.headroom.cli;

import io.headroom.planner.scenario.LoadLimits;
import io.headroom.planner.scenario.Scenario;
import io.headroom.reports.compare.Thresholds;
import java.io.PrintWriter;
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

/** {@code headroom validate}: simulate, load-test the same traffic, compare second by second. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Check a prediction against the live endpoint: simulate, load-test, compare.",
        description = {
            "Simulates the scenario, then load-tests the target with the same requests at the same instants (see 'headroom loadtest'), and compares the two second by second: agreement of 503 seconds (precision, recall, overlap), onset and end error of each matched 503 window (windows of at least 10 rejected requests), predicted vs observed 503 fraction, latency p50/p99, and ready replicas over time when the target exposes them. The observed run is also judged against the scenario's SLOs.",
            "",
            "Writes into --out: predicted/ and observed/ (summary.json, timeline.csv, windows.csv; observed/ also latency.hlog and loadtest.json), comparison.json, and report.html with both runs overlaid, the verdict and each window's onset and end error.",
            "",
            "With --observed DIR, no load test runs: the prediction is compared with a run recorded before, such as the merge of several injectors' segments ('headroom merge').",
            "",
            "The prediction verdict uses the --fail-on thresholds when given, else the defaults fraction503=0.2, onset=2, recall=0.5, which are printed but do not fail the command.",
            "",
            "Exit codes: 0 done; 4 the observed run missed one of the scenario's SLOs, or a --fail-on threshold did not hold; 5 the load test is incomplete; 2 usage; 3 invalid scenario.",
            ""},
        footer = {"", "Threshold keys for --fail-on KEY=VALUE (repeatable):",
            "  fraction503  largest relative error of the 503 fraction (0.2 = 20 %%)",
            "  onset, end   largest error of a matched window's start or end, seconds (2)",
            "  precision, recall, overlap",
            "               smallest agreement of the 503 seconds, in [0, 1] (0.5)",
            "  p99          largest relative error of latency p99 (0.2 = 20 %%)",
            "  windows      largest number of unmatched significant windows (0)",
            "", "Example:",
            "  headroom target scenarios/validate-spike.yaml --port 8080 &",
            "  headroom validate scenarios/validate-spike.yaml --target http://127.0.0.1:8080/score --fail-on fraction503=0.2 --fail-on onset=2",
            "  kill %%1"})
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

    @Option(names = "--observed", paramLabel = "DIR",
            description = "Compare with this observed run instead of running a load test: the --out folder of loadtest or merge"
                    + " (or validate). --target and the request options are then not used.")
    Path observed;

    @Option(names = "--fail-on", paramLabel = "KEY=VALUE", description = "A threshold the prediction must hold to; repeatable.")
    Map<String, String> failOn = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Thresholds thresholds;
        try {
            thresholds = failOn.isEmpty() ? null : Thresholds.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
        }
        Scenario scenario = scenarioArgs.load(1, LoadLimits.DEFAULT_MAX_LOAD_TEST_REQUESTS);
        Path dir = out != null ? out : scenarioArgs.defaultOut("-validate");
        PrintWriter stdout = spec.commandLine().getOut();
        Validation.Outcome outcome;
        if (observed != null) {
            if (target.target != null) {
                throw new ParameterException(spec.commandLine(), "--observed and --target exclude each other: compare with a"
                        + " recorded run, or load-test the target");
            }
            outcome = Validation.ofObserved(scenario, observed, thresholds, dir, stdout);
        } else {
            var request = target.request(scenario.request());
            outcome = Validation.run(scenario, request, thresholds, dir, !noWarmUp, stdout, spec.commandLine().getErr());
        }
        new ValidationTable(stdout, scenario.traffic().clock()).print(outcome);
        LoadTestRun.printGenerator(stdout, outcome.observed().generator());
        stdout.printf(observed != null ? "%nWrote %s (predicted/, comparison.json, report.html)%n"
                : "%nWrote %s (predicted/, observed/, comparison.json, report.html)%n", dir);
        stdout.flush();
        return outcome.exitCode();
    }
}
