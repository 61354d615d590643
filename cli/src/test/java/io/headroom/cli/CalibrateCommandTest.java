package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.dist.EmpiricalDistribution;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.TimelineRow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code headroom calibrate} on load-test folders written here (an interval log of known samples and
 * a timeline), without a live run: the fit, the JSON keys, {@code --write} with the empirical
 * fallback, and each refusal as one line with exit 3.
 */
class CalibrateCommandTest {
    private static final String SCENARIO = "name: x\nservice:\n  serviceTime: 1s  # a guess\n  startup: 90s\n"
            + "autoscaler: {policy: static, replicas: 2}\ntraffic: {duration: 10s, profile: [{at: 0s, rps: 1}]}\n";

    @TempDir
    Path dir;

    /** A load test's folder: {@code seconds} intervals of {@code perSecond} samples, and a timeline with that queue and those 503s. */
    private Path run(String name, int seconds, int perSecond, ToDoubleFunction<SplittableRandom> micros, long queue, long rejected)
            throws IOException {
        Path out = Files.createDirectories(dir.resolve(name));
        SplittableRandom random = new SplittableRandom(5);
        List<TimelineRow> rows = new ArrayList<>();
        try (PrintStream stream = new PrintStream(Files.newOutputStream(out.resolve("latency.hlog")), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter log = new HistogramLogWriter(stream);
            log.outputLogFormatVersion();
            log.outputStartTime(0);
            log.setBaseTime(0);
            log.outputLegend();
            for (int s = 0; s < seconds; s++) {
                Histogram h = new Histogram(60_000_000L, 2);
                for (int i = 0; i < perSecond; i++) {
                    h.recordValue(Math.max(1, Math.round(micros.applyAsDouble(random))));
                }
                h.setStartTimeStamp(s * 1000L);
                h.setEndTimeStamp((s + 1) * 1000L);
                log.outputIntervalHistogram(h);
                rows.add(new TimelineRow(s, perSecond, perSecond - rejected, rejected, 0, 0, 1, 1,
                        new ReplicaSample(4, 0, 4, 1, queue, 0, 0, false)));
            }
        }
        TimelineCsv.write(rows, out.resolve("timeline.csv"));
        return out;
    }

    private static double lognormal(SplittableRandom r) {
        return Math.exp(Math.log(50_000) + 0.4 * r.nextGaussian());
    }

    @Test
    void aLowLoadRunFitsLognormalAndWritesIt() throws IOException {
        Path low = run("low", 60, 200, CalibrateCommandTest::lognormal, 0, 0);
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, SCENARIO);
        CliRun run = CliRun.of("calibrate", "service-time", low.toString(), "--format", "json", "--write", scenario.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("lognormal", json.get("distribution").asText());
        double mean = 50 * Math.exp(0.08);
        assertEquals(mean, json.get("meanMs").asDouble(), 0.01 * mean, "the lognormal mean e^(mu + sigma^2/2) within 1 %");
        assertEquals(11_000, json.get("samples").asLong(), "60 s less the 5 s warm-up, 200 a second");
        for (String key : List.of("p99Ms", "cv", "candidates", "observedMs", "tolerance")) {
            assertTrue(json.has(key), key);
        }
        assertEquals(3, json.get("candidates").size());
        assertTrue(json.get("candidates").get(0).get("gTest").has("p"));
        assertTrue(Files.readString(scenario).contains("serviceTime: {distribution: lognormal, mean: "), Files.readString(scenario));
        assertTrue(Files.readString(scenario).contains("  # a guess\n"), "the comment is kept");
        assertEquals(json.get("meanMs").asDouble(), ScenarioLoader.load(scenario).service().serviceTime().mean().toNanos() / 1e6,
                0.001);
    }

    @Test
    void aBimodalRunIsWrittenAsEmpiricalSamplesBesideTheScenario() throws IOException {
        Path low = run("low", 20, 500, r -> r.nextDouble() < 0.7 ? 5_000 + 500 * r.nextGaussian() : 200_000 + 20_000 * r.nextGaussian(),
                0, 0);
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, SCENARIO);
        CliRun run = CliRun.of("calibrate", "service-time", low.toString(), "--write", scenario.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("service time   empirical"), run.out());
        DistributionSpec written = ScenarioLoader.load(scenario).service().serviceTime();
        assertTrue(written instanceof EmpiricalDistribution e && e.samples().size() == 1000, written.toString());
        assertTrue(Files.isRegularFile(dir.resolve("s.service-time.txt")));
    }

    @Test
    void aRunWithA503IsRefusedAsNotLowLoad() throws IOException {
        Path busy = run("busy", 20, 100, CalibrateCommandTest::lognormal, 0, 1);
        CliRun run = CliRun.of("calibrate", "service-time", busy.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("is not a low-load run: the run had 15 503s"), run.err());
    }

    @Test
    void aRunWithAQueueIsRefusedWithItsLittlesLawWait() throws IOException {
        Path queued = run("queued", 20, 100, CalibrateCommandTest::lognormal, 3, 0);
        CliRun run = CliRun.of("calibrate", "service-time", queued.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("the queue wait was not negligible: mean queue length 3.000 at 100.00 rps is a mean wait of"
                + " 30.0 ms"), run.err());
    }

    @Test
    void aCorruptIntervalLineIsNamedByLine() throws IOException {
        Path low = run("low", 10, 50, CalibrateCommandTest::lognormal, 0, 0);
        List<String> lines = new ArrayList<>(Files.readAllLines(low.resolve("latency.hlog")));
        int data = 0;
        while (lines.get(data).startsWith("#") || lines.get(data).startsWith("\"")) {
            data++;
        }
        lines.set(data + 2, lines.get(data + 2).substring(0, 20) + "!!!not base64!!!");
        Files.write(low.resolve("latency.hlog"), lines);
        CliRun run = CliRun.of("calibrate", "service-time", low.toString(), "--warm-up", "0s");
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("latency.hlog:" + (data + 3) + ":1"), run.err());
    }

    @Test
    void startupNeedsReplicaColumns() throws IOException {
        Path out = Files.createDirectories(dir.resolve("plain"));
        List<TimelineRow> rows = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            rows.add(new TimelineRow(s, 1, 1, 0, 0, 0, 1, 1, null));
        }
        TimelineCsv.write(rows, out.resolve("timeline.csv"));
        CliRun run = CliRun.of("calibrate", "startup", out.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("needs the replica columns") && run.err().contains("timeline.csv:2:1"), run.err());
    }

    /**
     * A kube-state-metrics export as Grafana writes two joined series: 40 pods with a lognormal
     * startup (median 45 s, sigma 0.3) decided over 5 s, sampled every 15 s. The median comes back
     * within three standard errors of ln(median), 3 * 0.3 / sqrt(40).
     */
    @Test
    void aKubeStateMetricsExportAtFifteenSecondsGivesTheStartupMedian() throws IOException {
        SplittableRandom random = new SplittableRandom(21);
        double[] decided = new double[40];
        double[] ready = new double[40];
        for (int j = 0; j < 40; j++) {
            decided[j] = 20 + random.nextDouble() * 5;
            ready[j] = decided[j] + Math.exp(Math.log(45) + 0.3 * random.nextGaussian());
        }
        StringBuilder csv = new StringBuilder("sep=;\r\n\"Time\";\"kube_deployment_spec_replicas\";\"kube_deployment_status_replicas_ready\"\r\n");
        for (int t = 0; t <= 300; t += 15) {
            int d = 3;
            int r = 3;
            for (int j = 0; j < 40; j++) {
                d += decided[j] <= t ? 1 : 0;
                r += ready[j] <= t ? 1 : 0;
            }
            csv.append(1_700_000_000_000L + t * 1000L).append(';').append(d).append(';').append(r).append("\r\n");
        }
        Path file = dir.resolve("ksm.csv");
        Files.writeString(file, csv.toString());
        CliRun run = CliRun.of("calibrate", "startup", file.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(40, json.get("startups").asInt());
        assertEquals(15, json.get("grainSeconds").asDouble(), 1e-9);
        assertEquals(Math.log(45), Math.log(json.get("medianSeconds").asDouble()), 3 * 0.3 / Math.sqrt(40), run.out());
    }

    @Test
    void aReplicaSeriesWithoutAReadyColumnIsOneLocatedLine() throws IOException {
        Path file = dir.resolve("ksm.csv");
        Files.writeString(file, "# exported\n\"Time\",\"desired\",\"available_typo\"\n0,1,1\n");
        CliRun run = CliRun.of("calibrate", "startup", file.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("needs a header with a time column first") && run.err().contains("ksm.csv:2:1"), run.err());
    }
}
