package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom report} as a user runs it: the file and its charts, the observed overlay, bad input. */
class ReportCommandTest {
    private static final String LAUNCH_DAY = Path.of("..", "scenarios", "launch-day.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void writesOneSelfContainedReportWithChartsBesideIt() throws IOException {
        CliRun run = CliRun.of("report", LAUNCH_DAY, "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("launch day"), "names the scenario");
        assertTrue(html.contains("Sizing rule"), "has the sizing section from headroom size");
        assertFalse(html.contains("src=\"http"), "no network resources");
        try (var charts = Files.list(dir.resolve("charts"))) {
            assertTrue(charts.filter(p -> p.toString().endsWith(".png")).count() >= 4, "a PNG per chart");
        }
        assertTrue(run.out().contains("report.html"), run.out());
    }

    /** A cluster with the cluster autoscaler: a nodes-per-pool chart, its inputs, and a summary.json with nodePools reads back. */
    @Test
    void nodePoolsThatAutoscaleGetTheirChartAndTheirSummaryReadsBack() throws IOException {
        String example = Path.of("..", "scenarios", "gpu-node-autoscaling.yaml").toString();
        Path observed = dir.resolve("observed");
        assertEquals(4, CliRun.of("simulate", example, "--seed", "9", "--out", observed.toString()).exitCode());
        Path summary = observed.resolve("summary.json");
        assertTrue(Files.readString(summary).contains("\"nodePools\""), "the summary carries the pools");
        Files.writeString(summary, Files.readString(summary).replace("\"kind\" : \"predicted\"", "\"kind\" : \"observed\""));
        CliRun run = CliRun.of("report", example, "--observed", observed.toString(), "--out", dir.resolve("r").toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(dir.resolve("r/report.html"));
        assertTrue(html.contains("Nodes per pool"), "the nodes chart");
        assertTrue(html.contains("cluster autoscaler") && html.contains("autoscaled 3–12"), "the inputs name the autoscaler");
        assertTrue(Files.exists(dir.resolve("r/charts/nodes.png")));
    }

    @Test
    void anObservedDirectoryAddsThePredictedVersusObservedPanel() throws IOException {
        Path observed = dir.resolve("observed");
        assertEquals(4, CliRun.of("simulate", LAUNCH_DAY, "--seed", "9", "--out", observed.toString()).exitCode());
        Path summary = observed.resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"kind\" : \"predicted\"", "\"kind\" : \"observed\""));
        CliRun run = CliRun.of("report", LAUNCH_DAY, "--observed", observed.toString(), "--out", dir.resolve("r").toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(dir.resolve("r/report.html"));
        assertTrue(html.toLowerCase(java.util.Locale.ROOT).contains("observed"), "overlays the observed run");
        assertTrue(html.contains("recall") || html.contains("Recall"), "shows the agreement metrics");
    }

    @Test
    void theFolderValidateWritesIsAnObservedRunAsItIs() throws IOException {
        Path validate = dir.resolve("launch-day-validate");
        assertEquals(4, CliRun.of("simulate", LAUNCH_DAY, "--seed", "9", "--out", validate.resolve("observed").toString()).exitCode());
        Path summary = validate.resolve("observed/summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"kind\" : \"predicted\"", "\"kind\" : \"observed\""));
        CliRun run = CliRun.of("report", LAUNCH_DAY, "--observed", validate.toString(), "--out", dir.resolve("r").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(dir.resolve("r/report.html")).contains("Predicted vs observed"));
    }

    @Test
    void runsDrawBandsOverSeedsAndTheHeadlineGivesTheSpread() throws IOException {
        CliRun run = CliRun.of("report", LAUNCH_DAY, "--runs", "3", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("over 3 seeds the 503 fraction spans"), "headline spread");
        assertTrue(html.contains("id=\"headline\">As set (minReplicas 10, maxReplicas 120, targetUtilization 0.7)"), "headline");
        CliRun tooMany = CliRun.of("report", LAUNCH_DAY, "--runs", "51", "--out", dir.toString());
        assertEquals(ExitCode.USAGE, tooMany.exitCode(), tooMany.err());
        assertTrue(tooMany.err().contains("--runs must be in [1, 50] but was 51"), tooMany.err());
    }

    @Test
    void aDirectoryWithoutAnObservedRunIsInvalidInput() {
        CliRun run = CliRun.of("report", LAUNCH_DAY, "--observed", dir.toString(), "--out", dir.resolve("r").toString());
        assertEquals(3, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--observed must be the directory loadtest or validate wrote"), run.err());
    }

    @Test
    void benchRecommendsDefaultScenarioIsBundledSoItResolvesFromAnyDirectory() throws IOException {
        try (var bundled = BenchRecommendCommand.class.getResourceAsStream("/" + BenchRecommendCommand.DEFAULT_SCENARIO)) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(Path.of(LAUNCH_DAY)), bundled.readAllBytes()),
                    "the jar's copy is scenarios/launch-day.yaml");
        }
        assertEquals(io.headroom.planner.scenario.ScenarioLoader.load(Path.of(LAUNCH_DAY)).traffic(),
                BenchRecommendCommand.bundled().traffic());
    }
}
