package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.loadgen.loadtest.GeneratorReport;
import io.headroom.loadgen.loadtest.LoadTestResult;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.sim.SimulationResult;
import io.headroom.planner.sim.Simulator;
import io.headroom.reports.compare.Thresholds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate}'s judgement without a load test: an "observed" run is a simulation of the same
 * requests against fewer replicas, so what the observed side did is known exactly.
 */
class ValidationTest {
    /** 5 rps of 1 s requests for a minute, against {@code replicas} static replicas, with a 0.1 % 503 SLO. */
    private static String scenario(int replicas) {
        return String.join("\n",
                "name: fixed pool",
                "seed: 3",
                "service: {serviceTime: 1s, maxQueueWait: 0s}",
                "autoscaler: {policy: static, replicas: " + replicas + "}",
                "traffic:",
                "  duration: 60s",
                "  profile:",
                "    - {at: 0s, rps: 5}",
                "slo: {max503Fraction: 0.001}",
                "");
    }

    @TempDir
    Path dir;

    private Scenario load(int replicas) throws IOException {
        Path file = dir.resolve("pool-" + replicas + ".yaml");
        Files.writeString(file, scenario(replicas));
        return ScenarioLoader.load(file);
    }

    /** A load test's result that saw what the simulation of {@code scenario} saw. */
    private static LoadTestResult observedAs(Scenario scenario) {
        SimulationResult run = Simulator.run(scenario);
        GeneratorReport generator = new GeneratorReport("GET http://127.0.0.1/score", run.summary().requests(),
                run.summary().requests(), run.summary().requests(), 0, 5, 5, 0.1, 0.5, 1, List.of(), null, "0/1", null, null);
        return new LoadTestResult(run.summary(), run.timeline(), generator);
    }

    @Test
    void anObservedRunThatMissesTheScenariosSloExitsFourEvenWithoutFailOn() throws IOException {
        Scenario planned = load(40);
        Validation.Outcome o = Validation.judge(Simulator.run(planned), observedAs(load(2)), null);
        assertTrue(o.observedSloMissed());
        assertFalse(o.predictionFailed(), "the default thresholds only inform");
        assertEquals(ExitCode.VERDICT_FAILED, o.exitCode());

        StringWriter text = new StringWriter();
        new ValidationTable(new PrintWriter(text, true), io.headroom.planner.time.Clock.ELAPSED).print(o);
        assertTrue(text.toString().contains("observed run against the scenario's SLOs: MISSED"), text.toString());
        assertTrue(text.toString().contains("default thresholds fraction503 <= 20 %, onset <= 2 s, recall >= 50 %, informational"),
                text.toString());
    }

    @Test
    void anObservedRunThatMeetsTheSloAndAPredictionWithinItsThresholdsExitZero() throws IOException {
        Scenario planned = load(40);
        Validation.Outcome o = Validation.judge(Simulator.run(planned), observedAs(planned), new Thresholds(Map.of("fraction503", 0.2)));
        assertFalse(o.observedSloMissed());
        assertTrue(o.comparison().verdict().agrees(), o.comparison().verdict().failures().toString());
        assertEquals(ExitCode.OK, o.exitCode());
    }

    @Test
    void aFailOnThresholdThatDoesNotHoldExitsFourAndReadsInItsUnit() throws IOException {
        Scenario planned = load(3);
        Validation.Outcome o = Validation.judge(Simulator.run(planned), observedAs(load(2)),
                Thresholds.parse(Map.of("fraction503", "0.01")));
        assertTrue(o.predictionFailed());
        assertEquals(ExitCode.VERDICT_FAILED, o.exitCode());
        String failure = o.comparison().verdict().failures().get(0);
        assertTrue(failure.matches("503 fraction relative error \\d+(\\.\\d)? % exceeds 1 %"), failure);
    }

    @Test
    void predicted503SecondsWithNoneObservedGivePrecisionZero() throws IOException {
        Validation.Outcome o = Validation.judge(Simulator.run(load(2)), observedAs(load(40)), null);
        assertEquals(0.0, o.comparison().precision());
        StringWriter text = new StringWriter();
        new ValidationTable(new PrintWriter(text, true), io.headroom.planner.time.Clock.ELAPSED).print(o);
        assertTrue(text.toString().contains("precision 0.00, recall n/a (no observed 503 seconds)"), text.toString());
    }

    @Test
    void theReportValidateWritesShowsTheVerdictAndEachWindowsErrors() throws IOException {
        Scenario planned = load(3);
        Validation.Outcome o = Validation.judge(Simulator.run(planned), observedAs(load(2)),
                Thresholds.parse(Map.of("fraction503", "0.01", "onset", "2")));
        Validation.write(planned, o, dir.resolve("out"));
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("Onset error") && html.contains("End error"), "window errors table");
        assertTrue(html.contains("Prediction verdict (--fail-on fraction503 &lt;= 1 %, onset &lt;= 2 s): ✗ the prediction is off"),
                html.substring(html.indexOf("Predicted vs observed")));
        assertTrue(html.contains("503 fraction relative error"), "the failure itself");
        assertTrue(html.contains("Observed run against the scenario's SLOs: ✗ missed"));
        assertTrue(Files.isRegularFile(dir.resolve("out/comparison.json")));
    }
}
