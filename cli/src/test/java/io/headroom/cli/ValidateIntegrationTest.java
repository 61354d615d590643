package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.loadgen.emulator.EmulatedEndpoint;
import io.headroom.loadgen.emulator.RunningEndpoint;
import io.headroom.planner.scenario.ScenarioLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation loop end to end on loopback: {@code headroom target} emulates the scenario's
 * endpoint, {@code headroom validate} simulates it, load-tests it with Gatling and compares. A 60 s
 * scenario whose step at 20 s outruns a 10 s startup: the observed run must have 503 seconds, the
 * predicted window's onset must be within 2 s of the observed one, and the 503 fractions must agree
 * within 20 % relative. The scenario is {@code scenarios/validate-spike.yaml}, with Poisson arrivals:
 * both worlds drive the same router model with its tick at the same phase (RouterAgreementTest proves
 * them equal on a virtual clock), so what differs here is only the wall clock and the network.
 */
class ValidateIntegrationTest {
    /** The example scenario the README gives for trying the loop; the test runs exactly that. */
    static final Path SPIKE_FILE = Path.of("..", "scenarios", "validate-spike.yaml");

    @TempDir
    Path dir;

    @Test
    void predictionAndEmulatedEndpointAgreeOnTheSpike() throws IOException {
        Path scenario = SPIKE_FILE;
        try (RunningEndpoint target = EmulatedEndpoint.start(ScenarioLoader.load(scenario),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CliRun run = CliRun.of("validate", scenario.toString(), "--target", "http://127.0.0.1:" + target.port() + "/score",
                    "--out", dir.resolve("out").toString(), "--fail-on", "fraction503=0.2", "--fail-on", "onset=2");
            System.out.println(run.out());
            JsonNode c = new ObjectMapper().readTree(dir.resolve("out/comparison.json").toFile());
            System.out.printf(Locale.ROOT, "measured agreement: 503 fraction predicted %.4f observed %.4f (relative error %.3f);"
                    + " precision %s recall %s overlap %s; onset error %s s%n", c.get("predicted503Fraction").asDouble(),
                    c.get("observed503Fraction").asDouble(), c.get("relative503Error").asDouble(), c.get("precision"),
                    c.get("recall"), c.get("overlap"), c.path("windows").path(0).path("onsetErrorSeconds"));
            assertTrue(c.get("observed503Fraction").asDouble() > 0, "the observed run has 503s");
            assertEquals(1, c.get("windows").size(), "one significant predicted window");
            assertTrue(Math.abs(c.get("windows").get(0).get("onsetErrorSeconds").asInt()) <= 2, "onset within 2 s");
            double p = c.get("predicted503Fraction").asDouble();
            double o = c.get("observed503Fraction").asDouble();
            assertEquals(p, o, 0.2 * Math.max(p, o), "503 fractions within 20 % relative");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(Files.isRegularFile(dir.resolve("out/report.html")));
            assertTrue(Files.isRegularFile(dir.resolve("out/observed/latency.hlog")));
        }
    }

    @Test
    void killingTheTargetMidRunLeavesAReadableIncompleteResult() throws IOException {
        Path scenario = dir.resolve("spike.yaml");
        Files.writeString(scenario, Files.readString(SPIKE_FILE).replace("duration: 60s", "duration: 30s"));
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try (EmulatedEndpoint target = EmulatedEndpoint.start(ScenarioLoader.load(scenario),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            // The target dies once it has answered 60 requests (about 21 s into the test), whatever the machine's speed.
            java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
            killer.scheduleWithFixedDelay(() -> {
                if (!killed.get() && target.metrics().answered() >= 60) {
                    killed.set(true);
                    target.close();
                }
            }, 50, 50, TimeUnit.MILLISECONDS);
            CliRun run = CliRun.of("loadtest", scenario.toString(), "--target", "http://127.0.0.1:" + target.port() + "/score",
                    "--out", dir.resolve("partial").toString());
            assertEquals(ExitCode.INCOMPLETE, run.exitCode(), run.out() + run.err());
            JsonNode summary = new ObjectMapper().readTree(dir.resolve("partial/summary.json").toFile());
            assertTrue(summary.get("incomplete").asBoolean());
            assertTrue(summary.get("ok").asLong() > 0, "what was answered before is kept");
            assertTrue(Files.readAllLines(dir.resolve("partial/timeline.csv")).size() > 10, "the seconds before the kill are there");
            assertTrue(run.out().contains("INCOMPLETE"), run.out());
        } finally {
            killer.shutdownNow();
        }
    }

    /**
     * The observed run is judged against the scenario's SLOs: one 1 s slot against 5 rps rejects most
     * requests, far beyond a 0.1 % SLO, so validate exits 4 without any --fail-on. Four seconds of
     * traffic, no warm-up: the cheapest real run that shows it.
     */
    @Test
    void anObservedRunThatMissesTheScenariosSloExitsFour() throws IOException {
        Path scenario = dir.resolve("one-slot.yaml");
        Files.writeString(scenario, String.join("\n", "name: one slot", "seed: 5",
                "service: {serviceTime: 1s, maxQueueWait: 0s}", "autoscaler: {policy: static, replicas: 1}",
                "traffic: {duration: 4s, arrivals: uniform, profile: [{at: 0s, rps: 5}]}", "slo: {max503Fraction: 0.001}", ""));
        try (RunningEndpoint target = EmulatedEndpoint.start(ScenarioLoader.load(scenario),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CliRun run = CliRun.of("validate", scenario.toString(), "--target", "http://127.0.0.1:" + target.port() + "/score",
                    "--out", dir.resolve("out").toString(), "--no-warm-up");
            assertEquals(ExitCode.VERDICT_FAILED, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("observed run against the scenario's SLOs: MISSED"), run.out());
            assertTrue(run.out().contains("informational"), "the default thresholds do not gate: " + run.out());
        }
    }
}
