package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.planner.timeline.LatencyLog;
import io.headroom.planner.timeline.LatencySummary;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare BASELINE NEW}: two simulations of the same traffic, two replicas against one (one
 * replica rejects more), so NEW's 503 fraction rises by a known amount read from the two
 * summaries; a threshold just under that rise fails (exit 4), one just over it holds.
 */
class CompareCommandTest {
    @TempDir
    Path dir;

    Path base;
    Path worse;

    @BeforeEach
    void simulateTwoRuns() throws IOException {
        for (int replicas : new int[] {2, 1}) {
            Path scenario = dir.resolve("r" + replicas + ".yaml");
            Files.writeString(scenario, String.join("\n", "name: compare", "seed: 3",
                    "service: {serviceTime: 100ms, maxQueueWait: 0s}", "autoscaler: {policy: static, replicas: " + replicas + "}",
                    "traffic: {duration: 60s, arrivals: poisson, profile: [{at: 0s, rps: 12}]}", ""));
            CliRun run = CliRun.of("simulate", scenario.toString(), "--out", dir.resolve("out" + replicas).toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        base = dir.resolve("out2");
        worse = dir.resolve("out1");
    }

    double rise503() throws IOException {
        return SummaryJson.read(worse.resolve("summary.json")).rejected503Fraction()
                - SummaryJson.read(base.resolve("summary.json")).rejected503Fraction();
    }

    @Test
    void aRiseOfThe503FractionBeyondTheThresholdExitsFour() throws IOException {
        double rise = rise503();
        assertTrue(rise > 0.05, "one replica rejects more than two: " + rise);
        CliRun failing = CliRun.of("compare", base.toString(), worse.toString(), "--fail-on",
                String.format(Locale.ROOT, "fraction503=%.6f", rise - 0.001));
        assertEquals(ExitCode.VERDICT_FAILED, failing.exitCode(), failing.out() + failing.err());
        assertTrue(failing.out().contains("verdict: FAILED"), failing.out());
        assertTrue(failing.out().contains(String.format(Locale.ROOT, "503 fraction rose %+.3f pp", 100 * rise)), failing.out());
        CliRun holding = CliRun.of("compare", base.toString(), worse.toString(), "--fail-on",
                String.format(Locale.ROOT, "fraction503=%.6f", rise + 0.001));
        assertEquals(0, holding.exitCode(), holding.out());
        assertTrue(holding.out().contains("verdict: no threshold crossed"), holding.out());
        CliRun informational = CliRun.of("compare", base.toString(), worse.toString());
        assertEquals(0, informational.exitCode(), "without --fail-on nothing fails");
        assertTrue(informational.out().contains("both replayed") || !Files.exists(base.resolve("plan.json")), informational.out());
    }

    @Test
    void fewerReplicaHoursAreNoRegressionAndTheReverseIs() throws IOException {
        CliRun cheaper = CliRun.of("compare", base.toString(), worse.toString(), "--fail-on", "replicaHours=0");
        assertEquals(0, cheaper.exitCode(), "replica-hours fell: " + cheaper.out());
        CliRun dearer = CliRun.of("compare", worse.toString(), base.toString(), "--fail-on", "replicaHours=0.5");
        Summary one = SummaryJson.read(worse.resolve("summary.json"));
        Summary two = SummaryJson.read(base.resolve("summary.json"));
        boolean expectedFail = (two.replicaHours() - one.replicaHours()) / one.replicaHours() > 0.5;
        assertEquals(expectedFail ? ExitCode.VERDICT_FAILED : 0, dearer.exitCode(), dearer.out());
        assertTrue(expectedFail, "two replicas cost twice one: " + one.replicaHours() + " vs " + two.replicaHours());
    }

    /** A run with latency.hlog: its percentiles are read from the sum of the per-second histograms, not from summary.json. */
    @Test
    void latencyComesFromTheHistogramLogWhenThereIsOne() throws IOException {
        List<Histogram> seconds = new ArrayList<>();
        Histogram sum = new Histogram(2);
        for (int s = 0; s < 60; s++) {
            Histogram h = new Histogram(120_000_000L, 2);
            h.recordValueWithCount(100_000, 95);
            h.recordValueWithCount(400_000 + 1_000L * s, 5);
            seconds.add(h);
            sum.add(h);
        }
        LatencyLog.write(worse.resolve("latency.hlog"), seconds, 60, 0, "test");
        double expectedP99 = LatencySummary.of(sum).p99();
        CliRun json = CliRun.of("compare", base.toString(), worse.toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode c = SummaryJson.MAPPER.readTree(json.out());
        JsonNode p99 = null;
        for (JsonNode m : c.get("metrics")) {
            if (m.get("key").asText().equals("p99")) {
                p99 = m;
            }
        }
        assertEquals(expectedP99, p99.get("candidate").asDouble(), 1e-9, "p99 of the summed histograms");
        assertEquals(SummaryJson.read(base.resolve("summary.json")).latencyMs().p99(), p99.get("baseline").asDouble(), 1e-9);
    }

    @Test
    void thresholdsThatCannotBeJudgedOrReadAreErrors() throws IOException {
        Path summary = base.resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replaceAll("\"replicaHours\" : [0-9.eE+-]+", "\"replicaHours\" : null"));
        CliRun unknown = CliRun.of("compare", base.toString(), worse.toString(), "--fail-on", "replicaHours=0.1");
        assertEquals(ExitCode.INVALID_INPUT, unknown.exitCode(), unknown.out() + unknown.err());
        assertTrue(unknown.err().contains("--fail-on replicaHours cannot be judged: BASELINE has no replica-hours"), unknown.err());
        CliRun badKey = CliRun.of("compare", base.toString(), worse.toString(), "--fail-on", "latency=1");
        assertEquals(ExitCode.USAGE, badKey.exitCode());
        assertTrue(badKey.err().contains("a threshold must be one of fraction503"), badKey.err());
        CliRun notARun = CliRun.of("compare", dir.toString(), worse.toString());
        assertEquals(ExitCode.INVALID_INPUT, notARun.exitCode());
        assertTrue(notARun.err().contains("BASELINE must be the --out folder of simulate, loadtest, validate or merge"), notARun.err());
    }
}
