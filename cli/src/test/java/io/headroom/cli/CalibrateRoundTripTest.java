package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.loadgen.emulator.EmulatedEndpoint;
import io.headroom.loadgen.emulator.RunningEndpoint;
import io.headroom.planner.dist.LognormalDistribution;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration round trip on loopback: {@code headroom target} emulates an endpoint with a known
 * lognormal service time and startup; a low-load load test and a step load test against it; then
 * {@code headroom calibrate service-time} and {@code calibrate startup} must recover the service
 * time's mean and p99 within 10 % and the startup median within 10 % (the criterion), and
 * {@code --write} must leave a scenario that loads with those values. Truth: service time mean
 * 100 ms, p99 300 ms ({@code scenarios/calibrate-low-load.yaml}); startup lognormal mean 6 s, cv 0.15,
 * median 6/√(1 + 0.15²) = 5.934 s ({@code scenarios/calibrate-step.yaml}). Each load test is 25–30 s.
 */
class CalibrateRoundTripTest {
    static final Path LOW_LOAD = Path.of("..", "scenarios", "calibrate-low-load.yaml");
    static final Path STEP = Path.of("..", "scenarios", "calibrate-step.yaml");
    static final Path CONCURRENCY = Path.of("..", "scenarios", "calibrate-concurrency.yaml");

    @TempDir
    Path dir;

    private Path loadTest(Path scenario, String out) {
        try (RunningEndpoint target = EmulatedEndpoint.start(ScenarioLoader.load(scenario),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return loadTest(target, scenario, out);
        }
    }

    private Path loadTest(RunningEndpoint target, Path scenario, String out) {
        CliRun run = CliRun.of("loadtest", scenario.toString(), "--target", "http://127.0.0.1:" + target.port() + "/score",
                "--out", dir.resolve(out).toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return dir.resolve(out);
    }

    /**
     * One emulated replica with 8 slots and service.slowdown 0.25, load-tested at 5, 10 and 15 rps
     * (20 s each): {@code calibrate concurrency} must say it slows down and find b within 30 % of 0.25
     * (each run's mean latency has a 1–3 % standard error, and b comes from their differences).
     */
    @Test
    void aSlowdownComesBackFromRunsAtThreeLoads() throws IOException {
        List<String> outs = new ArrayList<>();
        try (RunningEndpoint target = EmulatedEndpoint.start(ScenarioLoader.load(CONCURRENCY),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (int rps : new int[] {5, 10, 15}) {
                Path scenario = dir.resolve("rps" + rps + ".yaml");
                Files.writeString(scenario, Files.readString(CONCURRENCY).replace("{at: 0s, rps: 10}", "{at: 0s, rps: " + rps + "}"));
                outs.add(loadTest(target, scenario, "rps" + rps).toString());
            }
        }
        Path written = dir.resolve("my-service.yaml");
        Files.writeString(written, Files.readString(CONCURRENCY).replace("  slowdown: 0.25\n", ""));
        List<String> args = new ArrayList<>(List.of("calibrate", "concurrency"));
        args.addAll(outs);
        args.addAll(List.of("--format", "json", "--write", written.toString()));
        CliRun fit = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, fit.exitCode(), fit.out() + fit.err());
        JsonNode json = new ObjectMapper().readTree(fit.out());
        double b = json.get("slowdown").asDouble();
        System.out.printf(Locale.ROOT, "calibrated slowdown: %s, b %.4f (true 0.25, error %+.1f %%), S1 %.2f ms (true 100)%n",
                json.get("verdict").asText(), b, (b / 0.25 - 1) * 100, json.get("serviceAtOneMs").asDouble());
        json.get("runs").forEach(r -> System.out.printf(Locale.ROOT, "  %.2f rps: in flight %.2f, mean latency %.2f ms%n",
                r.get("rps").asDouble(), r.get("inFlightAtStart").asDouble(), r.get("meanLatencyMs").asDouble()));
        assertEquals("slowdown", json.get("verdict").asText());
        assertEquals(0.25, b, 0.3 * 0.25, "b within 30 %");
        assertEquals(json.get("modelSlowdown").asDouble(), ScenarioLoader.load(written).service().slowdown(), 1e-4);
    }

    @Test
    void serviceTimeAndStartupComeBackFromLoadTestsOfTheEmulatedEndpoint() throws IOException {
        Path written = dir.resolve("my-service.yaml");
        Files.writeString(written, Files.readString(LOW_LOAD));

        Path low = loadTest(LOW_LOAD, "low");
        CliRun fit = CliRun.of("calibrate", "service-time", low.toString(), "--format", "json", "--write", written.toString());
        assertEquals(0, fit.exitCode(), fit.out() + fit.err());
        JsonNode json = new ObjectMapper().readTree(fit.out());
        double mean = json.get("meanMs").asDouble();
        double p99 = json.get("p99Ms").asDouble();
        System.out.printf(Locale.ROOT, "calibrated service time: %s, mean %.2f ms (true 100, error %+.1f %%), p99 %.2f ms (true 300,"
                + " error %+.1f %%), cv %.3f, %d samples%n", json.get("distribution").asText(), mean, mean - 100, p99,
                (p99 / 300 - 1) * 100, json.get("cv").asDouble(), json.get("samples").asLong());
        System.out.println(CliRun.of("calibrate", "service-time", low.toString()).out());
        assertEquals(100, mean, 10, "mean within 10 %");
        assertEquals(300, p99, 30, "p99 within 10 %");
        assertTrue(json.get("candidates").size() == 3, json.toString());

        Path step = loadTest(STEP, "step");
        CliRun startup = CliRun.of("calibrate", "startup", step.toString(), "--format", "json", "--write", written.toString());
        assertEquals(0, startup.exitCode(), startup.out() + startup.err());
        JsonNode s = new ObjectMapper().readTree(startup.out());
        double median = s.get("medianSeconds").asDouble();
        double trueMedian = 6 / Math.sqrt(1 + 0.15 * 0.15);
        System.out.printf(Locale.ROOT, "calibrated startup: %s, median %.3f s (true %.3f, error %+.1f %%), p95 %.2f s, %d startups,"
                + " %d still starting%n", s.get("distribution").asText(), median, trueMedian, (median / trueMedian - 1) * 100,
                s.get("p95Seconds").asDouble(), s.get("startups").asInt(), s.get("stillStarting").asInt());
        assertEquals(trueMedian, median, 0.1 * trueMedian, "startup median within 10 %");

        Scenario calibrated = ScenarioLoader.load(written);
        assertEquals(mean, calibrated.service().serviceTime().mean().toNanos() / 1e6, 0.01, "--write wrote the fitted mean");
        assertEquals(s.get("meanSeconds").asDouble(), calibrated.service().startup().mean().toNanos() / 1e9, 1e-3);
        if (json.get("distribution").asText().equals("lognormal")) {
            assertEquals(p99 * 1e6, ((LognormalDistribution) calibrated.service().serviceTime()).quantileNanos(0.99), 0.01 * p99 * 1e6);
        }
    }
}
