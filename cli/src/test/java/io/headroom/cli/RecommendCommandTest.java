package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom recommend} (and {@code report --recommend}) as a user runs it. */
class RecommendCommandTest {
    private static final String STEP = String.join("\n",
            "name: step",
            "seed: 8",
            "service: {serviceTime: {distribution: exponential, mean: 1s}, startup: 60s}",
            "autoscaler: {policy: azureml, minReplicas: 3, maxReplicas: 100, targetUtilization: 0.7}",
            "cluster: {nodePools: [{name: pool, count: 10, cpu: 8, memoryGb: 32}]}",
            "traffic: {duration: 5m, profile: [{at: 0s, rps: 4}, {at: 2m, rps: 30}]}",
            "slo: {max503Fraction: 0.001}",
            "cost: {perReplicaHour: 1.5}",
            "");

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void jsonHasTheDocumentedKeysAndTheSameInputsGiveTheSameBytes() throws IOException {
        Path scenario = write(STEP);
        CliRun run = CliRun.of("recommend", scenario.toString(), "--format", "json", "--runs", "3");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String key : List.of("slo", "searched", "current", "alternatives", "nPlusOne", "recommended")) {
            assertTrue(json.has(key), key + " in " + run.out());
        }
        List<JsonNode> entries = new java.util.ArrayList<>(List.of(json.get("current")));
        json.get("alternatives").forEach(entries::add);
        assertTrue(entries.size() > 1, "the step needs a change: " + run.out());
        for (JsonNode e : entries) {
            for (String key : RecommendJson.keys()) {
                assertTrue(e.has(key), key + " in " + e);
            }
            assertTrue(e.get("nodes").get("pool").asInt() >= 10, "nodes is a map pool → count: " + e);
        }
        assertEquals(3, json.get("current").get("runs").asInt());
        assertTrue(json.get("alternatives").get(0).get("meetsSlo").asBoolean());
        assertTrue(json.get("nPlusOne").get(0).get("text").asText().startsWith("N+1: to survive losing one node of pool pool"));
        assertEquals(run.out(), CliRun.of("recommend", scenario.toString(), "--format", "json", "--runs", "3").out());
    }

    @Test
    void theTableShowsCurrentAlternativesAndTheRecommendation() throws IOException {
        CliRun run = CliRun.of("recommend", write(STEP).toString(), "--runs", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  now NO"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("Recommended: minReplicas 3 → ")), run.out());
        assertTrue(run.out().contains("N+1: to survive losing one node of pool pool at peak"), run.out());
    }

    @Test
    void anImpossibleSloExits4NamingTheConstraint() throws IOException {
        Path scenario = write(STEP.replace("slo: {max503Fraction: 0.001}", "slo: {latency: {p99: 100ms}}"));
        CliRun run = CliRun.of("recommend", scenario.toString(), "--runs", "1");
        assertEquals(ExitCode.VERDICT_FAILED, run.exitCode(), run.out());
        assertTrue(run.err().contains("cannot meet the latency p99 SLO of 100 ms: the service time alone has p99"), run.err());
    }

    /** 1 node of one replica (4 at the cap) against ~30 busy: exit 4, the best on the one node, and the nodes that meet. */
    @Test
    void anUndersizedClusterExits4WithTheBestWithinItsNodesAndTheNodesThatWouldMeet() throws IOException {
        Path scenario = write(STEP.replace("{name: pool, count: 10, cpu: 8, memoryGb: 32}", "{name: pool, count: 1, cpu: 1, memoryGb: 4}"));
        CliRun run = CliRun.of("recommend", scenario.toString(), "--runs", "1");
        assertEquals(ExitCode.VERDICT_FAILED, run.exitCode(), run.out());
        assertTrue(run.out().contains("Best within the given nodes (pool=1, holding 1 replica): "), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("The SLO is met with more nodes: ") && l.contains("nodes in pool pool 1 → ")),
                run.out());
        assertTrue(run.out().contains("(the configuration that meets has "), run.out());
        JsonNode json = new ObjectMapper().readTree(CliRun.of("recommend", scenario.toString(), "--runs", "1", "--format", "json").out());
        assertEquals(1, json.get("bestWithinNodes").get("nodes").get("pool").asInt());
        assertTrue(json.get("meetsWithMoreNodes").get("meetsSlo").asBoolean());
        assertEquals("meeting", json.get("nPlusOne").get(0).get("basis").asText());
    }

    @Test
    void aFastScreeningSaysWhichEngineJudgedEachRow() throws IOException {
        Path scenario = write(STEP);
        CliRun run = CliRun.of("recommend", scenario.toString(), "--runs", "3", "--screen", "fast");
        assertTrue(run.out().contains("screened by the fast engine on 2 seed(s) each; the rows marked des"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  now ") && l.contains(" des ")), run.out());
        JsonNode json = new ObjectMapper().readTree(CliRun.of("recommend", scenario.toString(), "--runs", "3", "--screen", "fast",
                "--format", "json").out());
        assertEquals("fast", json.get("screen").asText());
        assertEquals("des", json.get("current").get("engine").asText());
        CliRun bad = CliRun.of("recommend", scenario.toString(), "--screen", "slow");
        assertEquals(ExitCode.USAGE, bad.exitCode(), bad.err());
    }

    @Test
    void withoutConfirmationEveryRowIsTheFastEnginesAndTheTableSaysSo() throws IOException {
        Path scenario = write(STEP);
        CliRun run = CliRun.of("recommend", scenario.toString(), "--runs", "3", "--screen", "fast", "--confirm", "none");
        assertTrue(run.out().contains("all judged by the fast engine and NOT confirmed by the discrete-event engine (--confirm none)"),
                run.out());
        assertTrue(run.out().lines().filter(l -> l.matches("  (now|\\d+) .*")).allMatch(l -> l.contains(" fast ")), run.out());
        JsonNode json = new ObjectMapper().readTree(CliRun.of("recommend", scenario.toString(), "--runs", "3", "--screen", "fast",
                "--confirm", "none", "--format", "json").out());
        assertEquals("fast", json.get("judge").asText());
        assertEquals("fast", json.get("current").get("engine").asText());
        CliRun bad = CliRun.of("recommend", scenario.toString(), "--confirm", "maybe");
        assertEquals(ExitCode.USAGE, bad.exitCode(), bad.err());
    }

    @Test
    void reportWithRecommendAddsWhatToChangeAndPerWindowFixes() throws IOException {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("report", write(STEP).toString(), "--recommend", "--runs", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<section id=\"changes\">") && html.contains("What to change"), "section");
        assertTrue(html.indexOf("id=\"changes\"") > html.indexOf("id=\"windows\""), "after the windows table");
        assertTrue(html.contains("minReplicas 3 → ") && html.contains("warm pool"), "a window's fix is the best alternative");
        CliRun plain = CliRun.of("report", write(STEP).toString(), "--out", dir.resolve("plain").toString());
        assertTrue(!Files.readString(dir.resolve("plain").resolve("report.html")).contains("What to change"), plain.err());
    }
}
