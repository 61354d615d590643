package io.headroom.cli;

import io.headroom.loadgen.loadtest.ArrivalPlan;
import io.headroom.loadgen.loadtest.GeneratorReport;
import io.headroom.loadgen.loadtest.GeneratorReportJson;
import io.headroom.loadgen.loadtest.LoadTest;
import io.headroom.loadgen.loadtest.LoadTestRequest;
import io.headroom.loadgen.loadtest.LoadTestResult;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.SimulationResult;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.WindowsCsv;
import io.headroom.reports.CapacityReport;
import io.headroom.reports.ObservedRun;
import io.headroom.reports.ReportInput;
import io.headroom.reports.compare.Comparison;
import io.headroom.reports.compare.Thresholds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code validate}'s pipeline, without picocli: simulate the scenario, load-test the same requests
 * ({@link LoadTestRun}, as {@code loadtest} does), compare the two, write everything into one
 * directory and judge. {@link #judge} is the pure part, tested without a load test.
 */
final class Validation {
    private Validation() {
    }

    /**
     * What {@code validate} found.
     *
     * @param predicted the simulation
     * @param observed the load test
     * @param comparison the two compared, judged against the thresholds (its verdict says whether they gate)
     */
    record Outcome(SimulationResult predicted, LoadTestResult observed, Comparison comparison) {
        Outcome {
            Objects.requireNonNull(predicted, "predicted");
            Objects.requireNonNull(observed, "observed");
            Objects.requireNonNull(comparison, "comparison");
        }

        /** The observed run missed one of the scenario's SLOs (false when the scenario sets none). */
        boolean observedSloMissed() {
            return Boolean.FALSE.equals(observed.summary().sloMet());
        }

        /** A {@code --fail-on} threshold did not hold. */
        boolean predictionFailed() {
            return comparison.verdict().gating() && !comparison.verdict().agrees();
        }

        /** 5 when the load test is incomplete; 4 when the observed run missed an SLO or a --fail-on threshold failed; else 0. */
        int exitCode() {
            if (observed.incomplete()) {
                return ExitCode.INCOMPLETE;
            }
            return ExitCode.verdict(observedSloMissed() || predictionFailed());
        }
    }

    /**
     * Simulates, load-tests and compares, writing {@code predicted/}, {@code observed/},
     * {@code comparison.json} and {@code report.html} into {@code dir}.
     *
     * @param failOn thresholds from {@code --fail-on}, or null for {@link Thresholds#DEFAULT} (printed, not fatal)
     */
    static Outcome run(Scenario scenario, LoadTestRequest request, Thresholds failOn, Path dir, boolean warmUp, PrintWriter out,
            PrintWriter err) {
        SimulationResult predicted = Simulator.run(scenario);
        writeRun(predicted, dir.resolve("predicted"));
        LoadTest test = new LoadTest(scenario, request);
        out.printf(Locale.ROOT, "validate: simulated; now load-testing %s with the same %d requests over %ds%n", request,
                test.plannedRequests(), scenario.traffic().seconds());
        out.flush();
        LoadTestResult observed = LoadTestRun.run(test, dir.resolve("observed"), err, warmUp);
        Outcome outcome = judge(predicted, observed, failOn);
        write(scenario, outcome, dir);
        return outcome;
    }

    /**
     * Simulates and compares with the observed run recorded in {@code observedDir} (a loadtest or
     * merge output), writing {@code predicted/}, {@code comparison.json} and {@code report.html}.
     * A run of another arrival plan (its plan.json digest differs) is compared all the same, with a note.
     */
    static Outcome ofObserved(Scenario scenario, Path observedDir, Thresholds failOn, Path dir, PrintWriter out) {
        ObservedRun run = ObservedRun.read(observedDir);
        Path folder = Files.isRegularFile(observedDir.resolve("observed").resolve("summary.json")) ? observedDir.resolve("observed")
                : observedDir;
        Path generatorFile = folder.resolve("loadtest.json");
        if (!Files.isRegularFile(generatorFile)) {
            throw new InvalidInputException("--observed must be the folder loadtest or merge wrote, with loadtest.json, but "
                    + folder + " has none");
        }
        GeneratorReport generator = GeneratorReportJson.read(generatorFile);
        if (Files.isRegularFile(folder.resolve("plan.json"))) {
            String digest = io.headroom.planner.timeline.JsonFields.read(folder.resolve("plan.json"), "a plan.json").text("planSha256");
            if (!digest.equals(ArrivalPlan.of(scenario).sha256())) {
                out.println("NOTE: the observed run replayed another arrival plan than this scenario and seed draw (plan.json"
                        + " planSha256 differs): its requests are not the predicted ones");
            }
        }
        SimulationResult predicted = Simulator.run(scenario);
        writeRun(predicted, dir.resolve("predicted"));
        Outcome outcome = judge(predicted, new LoadTestResult(run.summary(), run.timeline(), generator), failOn);
        write(scenario, outcome, dir);
        return outcome;
    }

    /** Compares {@code predicted} with {@code observed} against {@code failOn} (null: the defaults, which only inform). */
    static Outcome judge(SimulationResult predicted, LoadTestResult observed, Thresholds failOn) {
        Thresholds thresholds = failOn != null ? failOn : Thresholds.DEFAULT;
        Comparison comparison = Comparison.of(predicted.summary(), predicted.timeline(), observed.summary(), observed.timeline(),
                thresholds);
        return new Outcome(predicted, observed, comparison);
    }

    /** {@code comparison.json} and {@code report.html} (both runs overlaid, the verdict and each window's errors). */
    static void write(Scenario scenario, Outcome o, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("comparison.json"), SummaryJson.toJson(o.comparison()));
            ObservedRun observed = new ObservedRun(o.observed().summary(), o.observed().timeline()).withComparison(o.comparison())
                    .withStopReason(o.observed().generator().stopReason());
            CapacityReport.write(ReportInput.of(scenario, o.predicted()).withSizing(SizingFacts.of(scenario)).withObserved(observed),
                    dir);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeRun(SimulationResult predicted, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        SummaryJson.write(predicted.summary(), dir.resolve("summary.json"));
        TimelineCsv.write(predicted.timeline(), dir.resolve("timeline.csv"));
        WindowsCsv.write(predicted.summary().windows(), dir.resolve("windows.csv"));
    }
}
