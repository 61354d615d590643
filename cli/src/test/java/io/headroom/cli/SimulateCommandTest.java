package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code headroom simulate} as a user runs it: exit codes, printed text, JSON keys, files, determinism. */
class SimulateCommandTest {
    private static final String SPIKE = String.join("\n",
            "name: short spike",
            "seed: 42",
            "service:",
            "  serviceTime: {distribution: lognormal, mean: 1s, cv: 0.5}",
            "  startup: 20s",
            "autoscaler: {policy: azureml, minReplicas: 2, maxReplicas: 40}",
            "traffic:",
            "  duration: 3m",
            "  profile:",
            "    - {at: 0s, rps: 1}",
            "    - {at: 60s, rps: 20}",
            "slo: {max503Fraction: 0.5}",
            "cost: {perReplicaHour: 0.9}",
            "");

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void printsASummaryWithTheWindowAndItsCause() throws IOException {
        CliRun run = CliRun.of("simulate", write(SPIKE).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("503 windows:"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith("1:00") && l.endsWith("scale-up lag")),
                "the step at 1:00 opens a scale-up-lag window: " + run.out());
        assertTrue(run.out().contains("SLOs: all met"), run.out());
    }

    @Test
    void jsonHasTheDocumentedKeys() throws IOException {
        CliRun run = CliRun.of("simulate", write(SPIKE).toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String key : List.of("requests", "ok", "rejected503", "timeout504", "error502", "latencyMs", "replicaHours", "windows")) {
            assertTrue(json.has(key), "missing " + key + " in " + run.out());
        }
        for (String key : List.of("p50", "p90", "p99", "max")) {
            assertTrue(json.get("latencyMs").has(key), key);
        }
        JsonNode window = json.get("windows").get(0);
        for (String key : List.of("startSecond", "endSecond", "rejected", "cause")) {
            assertTrue(window.has(key), key);
        }
        assertEquals(json.get("requests").asLong(), json.get("ok").asLong() + json.get("rejected503").asLong()
                + json.get("timeout504").asLong() + json.get("error502").asLong(), "every request has one outcome");
    }

    @Test
    void outWritesTheThreeFilesAndTheSameSeedWritesTheSameBytes() throws IOException {
        Path scenario = write(SPIKE);
        assertEquals(0, CliRun.of("simulate", scenario.toString(), "--out", dir.resolve("a").toString()).exitCode());
        assertEquals(0, CliRun.of("simulate", scenario.toString(), "--out", dir.resolve("b").toString()).exitCode());
        for (String file : List.of("summary.json", "timeline.csv", "windows.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
        assertEquals(3 * 60 + 1, Files.readAllLines(dir.resolve("a/timeline.csv")).size(), "header and one row per second");
    }

    @Test
    void seedOptionChangesTheRun() throws IOException {
        Path scenario = write(SPIKE);
        String a = CliRun.of("simulate", scenario.toString(), "--format", "json").out();
        String b = CliRun.of("simulate", scenario.toString(), "--format", "json", "--seed", "7").out();
        assertFalse(a.equals(b));
        assertTrue(b.contains("\"seed\" : 7"), b);
    }

    @Test
    void runsReportsTheSpread() throws IOException {
        CliRun run = CliRun.of("simulate", write(SPIKE).toString(), "--runs", "4", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(4, json.get("runs").asInt());
        assertEquals(4, json.get("seeds").size());
        JsonNode spread = json.get("spread").get("rejected503Fraction");
        assertTrue(spread.get("p5").asDouble() <= spread.get("p50").asDouble() && spread.get("p50").asDouble() <= spread.get("p95").asDouble());
    }

    @Test
    void theSpreadTablePrintsPercentagesMillisecondsAndWholeCounts() throws IOException {
        CliRun run = CliRun.of("simulate", write(SPIKE).toString(), "--runs", "3");
        assertEquals(0, run.exitCode(), run.err());
        java.util.Map<String, String> rows = new java.util.HashMap<>();
        run.out().lines().map(String::trim).forEach(l -> rows.put(l.split(" +")[0], l));
        assertTrue(rows.get("rejected503Fraction").matches("rejected503Fraction( +\\d+\\.\\d{3} %){3}"), rows.get("rejected503Fraction"));
        assertTrue(rows.get("latencyP99Ms").matches("latencyP99Ms( +\\d+\\.\\d+ (ms|s)){3}"), rows.get("latencyP99Ms"));
        assertTrue(rows.get("windows").matches("windows( +\\d+){3}"), rows.get("windows"));
        assertTrue(rows.get("peakReadyReplicas").matches("peakReadyReplicas( +\\d+){3}"), rows.get("peakReadyReplicas"));
        assertTrue(rows.get("cost").matches("cost( +\\d+\\.\\d{2}){3}"), rows.get("cost"));
    }

    @Test
    void aMissedSloExitsFour() throws IOException {
        CliRun run = CliRun.of("simulate", write(SPIKE.replace("max503Fraction: 0.5", "max503Fraction: 0.0001")).toString());
        assertEquals(4, run.exitCode(), run.out());
        assertTrue(run.out().contains("MISSED"), run.out());
    }

    @Test
    void aMalformedScenarioIsOneLineAndExitThree() throws IOException {
        CliRun run = CliRun.of("simulate", write(SPIKE.replace("startup: 20s", "startup: 20")).toString());
        assertEquals(3, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(":5:"), "names the line: " + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void badRunsIsAUsageError() throws IOException {
        CliRun run = CliRun.of("simulate", write(SPIKE).toString(), "--runs", "0");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleScenarioRuns(Path scenario) {
        CliRun run = CliRun.of("simulate", scenario.toString());
        assertTrue(run.exitCode() == 0 || run.exitCode() == 4, scenario + ": " + run.err());
        assertTrue(run.out().contains("503 windows"), run.out());
    }
}
