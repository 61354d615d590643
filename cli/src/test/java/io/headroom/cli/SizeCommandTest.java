package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SizeCommandTest {
    /** Exit code, stdout and stderr of one run of {@code Headroom.cli()}. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = Headroom.cli();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("size"));
        all.addAll(List.of(args));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonGivesTheDocumentedAzureMlExample() throws Exception {
        Run r = run("--rps", "20", "--latency", "10s", "--utilization", "0.7", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(286, json.get("replicas").asInt());
        assertTrue(json.get("sloReplicas").isNull());
        assertTrue(json.get("nodes").isNull());
        assertEquals(200.0, json.get("offeredLoad").asDouble(), 1e-9);
        assertEquals(200.0 / 286, json.get("utilization").asDouble(), 1e-12);
        assertEquals(10.0, json.get("inputs").get("latency").asDouble(), 0);
        assertEquals(0.5, json.get("inputs").get("maxWait").asDouble(), 0);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("replicas", "sloReplicas", "servers", "offeredLoad", "utilization", "probabilityOfWait",
                "meanWait", "p99Wait", "rejectionFraction", "atSloReplicas", "nodes", "inputs", "explanation"), keys);
    }

    @Test
    void tableShowsTheReplicaCount() {
        Run r = run("--rps", "20", "--latency", "10s", "--utilization", "0.7");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("replicas") && l.trim().endsWith("286")), r.out());
        assertEquals("", r.err());
    }

    @Test
    void jsonReportsNodesAndTheSchedulerMessage() throws Exception {
        Run r = run("--rps", "20", "--latency", "10s", "--slo-503", "0.001", "--gpu", "1", "--node-pool", "gpu:3:6:56:1",
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode nodes = new ObjectMapper().readTree(r.out()).get("nodes");
        assertFalse(nodes.get("fits").asBoolean());
        assertEquals(3, nodes.get("replicasThatFit").asInt());
        assertEquals("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.", nodes.get("schedulerMessage").asText());
        assertEquals(1, nodes.get("pools").get(0).get("replicasPerNode").asInt());
    }

    /**
     * 10 rps of 500 ms at 0.7 is ceil(5 / 0.7) = 8 replicas, one GPU node each: a pool of 3 that may grow
     * to 12 needs 8 at peak, a scale-up of 5, asked 30-40 s after the first Pending GPU replica (30 s
     * Pending age, then the next 10 s scan) and Ready 5 min after that.
     */
    @Test
    void aPoolWithAMaxSaysTheNodesThePeakNeedsAndHowLongTheScaleUpTakes() throws Exception {
        Run r = run("--rps", "10", "--latency", "500ms", "--cpu", "4", "--memory-gb", "24", "--gpu", "1", "--node-pool",
                "gpu:3:6:56:1:12:5m");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("pool gpu (max 12): the peak needs 8 nodes, a scale-up of 5 from 3: the cluster autoscaler asks 30s"
                + " to 40s after the first replica goes Pending"), r.out());
        assertTrue(r.out().contains("about 5m30s to 5m40s after the first Pending replica"), r.out());
        JsonNode up = new ObjectMapper().readTree(run("--rps", "10", "--latency", "500ms", "--gpu", "1", "--node-pool",
                "gpu:3:6:56:1:12:5m", "--format", "json").out()).get("nodes").get("scaleUps").get(0);
        assertEquals(8, up.get("nodesAtPeak").asInt());
        assertEquals(5, up.get("nodesAdded").asInt());
        assertEquals(30.0, up.get("askedAfterSecondsMin").asDouble(), 0);
        assertEquals(300.0, up.get("provisioningSeconds").asDouble(), 0);
    }

    @Test
    void anOverloadedQueueWaitsTheMaxWaitAtP99NotLonger() throws Exception {
        Run json = run("--rps", "20", "--latency", "10s", "--utilization", "1", "--format", "json");
        assertEquals(0.5, new ObjectMapper().readTree(json.out()).get("p99Wait").asDouble(), 0, json.out());
        Run table = run("--rps", "20", "--latency", "10s", "--utilization", "1");
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("p99 queue wait") && l.endsWith(" 500 ms")), table.out());
    }

    @Test
    void p99IsFittedAsTheScenariosLognormalIs() throws Exception {
        Run json = run("--rps", "20", "--latency", "2s", "--p99", "6s", "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode inputs = new ObjectMapper().readTree(json.out()).get("inputs");
        double expected = io.headroom.planner.dist.LognormalDistribution.fromMeanAndP99(java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(6)).cv();
        assertEquals(expected, inputs.get("cv").asDouble(), 0);
        assertEquals(6.0, inputs.get("p99").asDouble(), 0);
        Run table = run("--rps", "20", "--latency", "2s", "--p99", "6s");
        assertTrue(table.out().startsWith("20 rps, latency 2s, target utilization 0.7, concurrency 1, max wait 500ms,"
                + " service p99 6s (lognormal, cv "), table.out());
        Run plain = run("--rps", "20", "--latency", "2s", "--format", "json");
        assertTrue(new ObjectMapper().readTree(plain.out()).get("inputs").get("p99").isNull());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--rps -5 --latency 10s | --rps must be > 0",
        "--rps 0 --latency 10s | --rps must be > 0",
        "--rps 20 --latency 10s --utilization 1.5 | --utilization must be in (0, 1]",
        "--rps 20 --latency 10s --utilization 0 | --utilization must be in (0, 1]",
        "--rps 20 --latency 10_parsecs | '10 parsecs'",
        "--latency 10s | Missing required option: '--rps",
        "--rps 20 --latency 10s --node-pool gpu:x:6:56:1 | COUNT must be a whole number >= 0 but was 'x'",
        "--rps 20 --latency 10s --node-pool gpu:3:6 | expected 5 to 7 fields",
        "--rps 20 --latency 10s --slo-503 1 | --slo-503 must be a fraction in [0, 1)",
        "--rps 20 --latency 0s | --latency must be > 0",
        "--rps 20 --latency 10s --concurrency 0 | --concurrency must be >= 1",
        "--rps 20 --latency 10s --cv -1 | --cv must be a number >= 0",
        "--rps 20 --latency 2s --p99 6s --cv 0.5 | --cv and --p99 both describe the service time's spread: give one of them",
        "--rps 20 --latency 2s --p99 1s | --p99 1s with --latency 2s: a lognormal needs mean < p99 <= 15.0 × mean",
        "--rps 20 --latency 10s --format xml | expected one of [table, json]"})
    void usageErrorsPrintOneLineAndExitTwo(String args, String expected) {
        String[] split = args.trim().split(" +");
        for (int i = 0; i < split.length; i++) {
            split[i] = split[i].replace('_', ' ');
        }
        Run r = run(split);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("headroom size: "), r.err());
        assertTrue(lines.get(0).contains(expected), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("at io."), r.err());
    }

    @Test
    void helpTeachesOptionsUnitsDefaultsAndAnExample() {
        Run r = run("--help");
        assertEquals(0, r.exitCode());
        String help = r.out().replaceAll("\\s+", " ");
        for (String text : List.of("--rps", "requests per second", "Default: 0.7", "Default: 500ms", "Default: table",
                "NAME:COUNT:CPU:MEMGB:GPU", "Examples:", "--p99", "headroom size --rps 20 --latency 10s")) {
            assertTrue(help.contains(text), text + " missing from:\n" + r.out());
        }
        assertEquals("", r.err());
    }

    @Test
    void anHpaTargetIsSizedAtTheSlotUtilizationItImplies() {
        CliRun run = CliRun.of("size", "--rps", "100", "--latency", "400ms", "--concurrency", "4", "--hpa-target", "concurrency=3",
                "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        // 3 in flight per pod of 4 slots = 0.75; ceil(100 x 0.4 / 0.75 / 4) = 14.
        assertTrue(run.out().contains("\"replicas\" : 14,"), run.out());
        CliRun table = CliRun.of("size", "--rps", "100", "--latency", "400ms", "--hpa-target", "rps=2");
        assertTrue(table.out().startsWith("hpa target rps=2 keeps 80% of each replica's slots busy: sized at target utilization 0.8"),
                table.out());
    }

    @Test
    void aBadHpaTargetIsAUsageError() {
        CliRun run = CliRun.of("size", "--rps", "100", "--latency", "400ms", "--hpa-target", "rps=5");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--hpa-target rps=5 keeps 200% of a replica's slots busy"), run.err());
        CliRun both = CliRun.of("size", "--rps", "1", "--latency", "1s", "--utilization", "0.5", "--hpa-target", "cpu=0.5");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("give one of them"), both.err());
    }
}
