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

    @TempDir
    Path dir;

    private Path loadTest(Path scenario, String out) {
        try (RunningEndpoint target = EmulatedEndpoint.start(ScenarioLoader.load(scenario),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CliRun run = CliRun.of("loadtest", scenario.toString(), "--target", "http://127.0.0.1:" + target.port() + "/score",
                    "--out", dir.resolve(out).toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
        }
        return dir.resolve(out);
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
