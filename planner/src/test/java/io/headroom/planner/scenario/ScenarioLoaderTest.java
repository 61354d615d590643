package io.headroom.planner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.EmpiricalDistribution;
import io.headroom.planner.dist.LognormalDistribution;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {
    private static final Path SCENARIOS = Path.of("..", "scenarios");

    @TempDir
    Path dir;

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(yaml.size() >= 7, "reference.yaml and the six examples: " + yaml);
            return yaml.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyShippedScenarioLoads(Path file) {
        Scenario s = ScenarioLoader.load(file);
        assertFalse(s.name().isBlank());
        assertEquals(file.toString(), s.source());
    }

    @Test
    void referenceScenarioBindsItsDocumentedValues() {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("reference.yaml"));
        assertEquals(1, s.seed());
        assertEquals(AzureMlSpec.DEFAULT, s.autoscaler());
        assertEquals(Resources.DEFAULT, s.service().resources());
        assertEquals(new ConstantDistribution(Duration.ofSeconds(90)), s.service().startup());
        assertEquals(Duration.ofMinutes(5), s.cluster().orElseThrow().schedulingTimeout());
        assertEquals(0.90, s.cost().orElseThrow().perReplicaHour(), 1e-12);
        assertEquals(Duration.ofSeconds(8), s.slo().latencyP99().orElseThrow());
        assertEquals("POST", s.request().method());
        assertEquals("{\"data\": [[0.1, 0.2, 0.3]]}", s.request().body());
        assertEquals("application/json", s.request().headers().get("Content-Type"));
    }

    /** Knative's binder sets the service's timeout from the revision's: every other service key stays as written. */
    @Test
    void aKnativeServiceKeepsItsSlowdown() throws IOException {
        Path file = Files.createTempFile("knative-slowdown", ".yaml");
        Files.writeString(file, """
                name: knative slowdown
                service: {serviceTime: 100ms, concurrency: 4, slowdown: 0.2, errorRate: 0.01}
                autoscaler: {policy: knative, maxReplicas: 5, timeout: 30s}
                traffic: {duration: 1m, profile: [{at: 0s, rps: 5}]}
                """);
        Service service = ScenarioLoader.load(file).service();
        assertEquals(0.2, service.slowdown(), 0);
        assertEquals(0.01, service.errorRate(), 0);
        assertEquals(Duration.ofSeconds(30), service.timeout());
        Files.delete(file);
    }

    @Test
    void aScenarioWithoutARequestSectionSendsPlainGets() {
        assertEquals(RequestSpec.DEFAULT, ScenarioLoader.load(SCENARIOS.resolve("launch-day.yaml")).request());
    }

    @Test
    void seedNumbersScenarioIsTheDocumentedSizingExample() {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("seed-numbers.yaml"));
        double rps = ((Segment.Step) ((RateProfile) s.traffic().shape()).segments().get(0)).rps();
        double seconds = s.service().serviceTime().mean().toSeconds();
        double target = ((AzureMlSpec) s.autoscaler()).targetUtilization();
        assertEquals(286, (int) Math.ceil(rps * seconds / target / s.service().concurrency()));
        assertEquals(286, s.autoscaler().minReplicas());
    }

    /** traffic.start in each documented form names the same instant; the clock prints wall-clock times in its zone. */
    @Test
    void trafficStartMakesTimesWallClockTimes() throws IOException {
        Scenario replay = ScenarioLoader.load(SCENARIOS.resolve("trace-replay.yaml"));
        assertEquals("08:45:00", replay.traffic().clock().at(0));
        assertEquals("09:00:00", replay.traffic().clock().at(900), "the login rush at second 900");
        Instant nine = Instant.parse("2026-12-01T08:00:00Z");
        for (String form : List.of("2026-12-01T09:00:00+01:00", "2026-12-01T09:00:00[Europe/Berlin]",
                "2026-12-01T09:00:00+01:00[Europe/Berlin]", "2026-12-01T08:00:00Z")) {
            Path file = Files.createTempFile("start", ".yaml");
            Files.writeString(file, "name: x\nservice: {serviceTime: 1s}\ntraffic: {duration: 1m, start: '" + form
                    + "', profile: [{at: 0s, rps: 1}]}\n");
            Scenario s = ScenarioLoader.load(file);
            assertEquals(nine, s.traffic().start().orElseThrow().toInstant(), form);
            Files.delete(file);
        }
        assertEquals(Optional.empty(), ScenarioLoader.load(SCENARIOS.resolve("launch-day.yaml")).traffic().start());
    }

    @Test
    void traceReplayReadsTheMondayTraceRelativeToTheScenario() {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("trace-replay.yaml"));
        Trace trace = (Trace) s.traffic().shape();
        assertEquals(1500, trace.counts().size());
        assertEquals(Duration.ofSeconds(1), trace.resolution());
        assertEquals(SCENARIOS.resolve("traces/monday-morning.csv").normalize().toString(), trace.file());
    }

    @Test
    void minimalScenarioGetsEveryDefault() throws IOException {
        Scenario s = load("s.yaml", """
                name: minimal
                service: {serviceTime: 2s}
                traffic: {duration: 10m, profile: [{at: 0s, rps: 1}]}
                """);
        assertEquals(1, s.seed());
        Service v = s.service();
        assertEquals(new ConstantDistribution(Duration.ofSeconds(2)), v.serviceTime());
        assertEquals(1, v.concurrency());
        assertEquals(Duration.ofMillis(500), v.maxQueueWait());
        assertEquals(Duration.ofSeconds(60), v.timeout());
        assertEquals(0, v.errorRate());
        assertEquals(new ConstantDistribution(Duration.ofSeconds(90)), v.startup());
        assertEquals(0, v.startupFailureRate());
        assertEquals(Resources.DEFAULT, v.resources());
        assertEquals(AzureMlSpec.DEFAULT, s.autoscaler());
        assertTrue(s.cluster().isEmpty());
        assertEquals(ArrivalProcess.POISSON, s.traffic().arrivals());
        assertEquals(Slo.NONE, s.slo());
        assertTrue(s.cost().isEmpty());
    }

    @Test
    void lognormalGivenP99GetsTheCvThatReproducesThatP99() throws IOException {
        Scenario s = load("s.yaml", """
                name: tail
                service: {serviceTime: {distribution: lognormal, mean: 10s, p99: 30s}}
                traffic: {duration: 10m, profile: [{at: 0s, rps: 1}]}
                """);
        LognormalDistribution d = (LognormalDistribution) s.service().serviceTime();
        assertEquals(Duration.ofSeconds(10), d.mean());
        assertEquals(30e9, d.quantileNanos(0.99), 1e3);
        // sigma = z - sqrt(z^2 - 2 ln 3) with z = 2.3263; cv = sqrt(exp(sigma^2) - 1)
        double z = 2.3263478740408408;
        double sigma = z - Math.sqrt(z * z - 2 * Math.log(3));
        assertEquals(Math.sqrt(Math.expm1(sigma * sigma)), d.cv(), 1e-12);
    }

    @Test
    void staticPolicyAndEmpiricalSamplesBind() throws IOException {
        Files.writeString(dir.resolve("samples.txt"), "# measured\n100ms\n\n300ms  # slow one\n");
        Scenario s = load("s.yaml", """
                name: fixed
                service: {serviceTime: {distribution: empirical, file: samples.txt}}
                autoscaler: {policy: static, replicas: 4}
                traffic: {duration: 1m, arrivals: uniform, profile: [{at: 0s, rps: 1}]}
                """);
        assertEquals(new StaticSpec(4), s.autoscaler());
        EmpiricalDistribution d = (EmpiricalDistribution) s.service().serviceTime();
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(300)), d.samples());
        assertEquals(ArrivalProcess.UNIFORM, s.traffic().arrivals());
    }

    @Test
    void jsonLoadsTheSameScenarioAsYaml() throws IOException {
        Scenario yaml = load("s.yaml", """
                name: same
                seed: 9
                service:
                  serviceTime: {distribution: gamma, mean: 2s, cv: 0.5}
                  concurrency: 2
                  startup: {distribution: exponential, mean: 45s}
                  resources: {cpu: 0.5, memoryGb: 1, gpu: 0}
                autoscaler: {policy: azureml, minReplicas: 2, maxReplicas: 8, targetUtilization: 0.6}
                cluster: {nodePools: [{name: a, count: 2, cpu: 4, memoryGb: 16}]}
                traffic:
                  duration: 20m
                  profile: [{at: 0s, rps: 1}, {at: 5m, rampTo: 4, over: 2m}, {at: 15m, rps: 2}]
                slo: {max503Fraction: 0.01, latency: {p50: 2s, p99: 5s}}
                cost: {perReplicaHour: 1.5}
                """);
        Scenario json = load("s.json", """
                {"name": "same", "seed": 9,
                 "service": {"serviceTime": {"distribution": "gamma", "mean": "2s", "cv": 0.5}, "concurrency": 2,
                             "startup": {"distribution": "exponential", "mean": "45s"},
                             "resources": {"cpu": 0.5, "memoryGb": 1, "gpu": 0}},
                 "autoscaler": {"policy": "azureml", "minReplicas": 2, "maxReplicas": 8, "targetUtilization": 0.6},
                 "cluster": {"nodePools": [{"name": "a", "count": 2, "cpu": 4, "memoryGb": 16}]},
                 "traffic": {"duration": "20m",
                             "profile": [{"at": "0s", "rps": 1}, {"at": "5m", "rampTo": 4, "over": "2m"}, {"at": "15m", "rps": 2}]},
                 "slo": {"max503Fraction": 0.01, "latency": {"p50": "2s", "p99": "5s"}},
                 "cost": {"perReplicaHour": 1.5}}
                """);
        assertEquals(yaml, new Scenario(json.name(), json.seed(), json.service(), json.autoscaler(), json.cluster(),
                json.traffic(), json.slo(), json.cost(), yaml.source()));
        assertInstanceOf(RateProfile.class, json.traffic().shape());
    }

    @Test
    void traceWithoutHeaderAtMinuteResolutionCoversItsRows() throws IOException {
        Files.writeString(dir.resolve("t.csv"), "60\n120\n\n# gap in logging\n90\n");
        Scenario s = load("s.yaml", """
                name: minutes
                service: {serviceTime: 1s}
                traffic: {duration: 3m, trace: {file: t.csv, resolution: 1m}}
                """);
        Trace trace = (Trace) s.traffic().shape();
        assertEquals(List.of(60, 120, 90), trace.counts());
        assertEquals(Duration.ofMinutes(3), trace.length());
    }

    @Test
    void aPerMinuteTraceWithATimeColumnIsReadAsPerMinuteWithoutBeingTold() throws IOException {
        Files.writeString(dir.resolve("t.csv"), "time,requests\n2024-03-04 08:45,600\n2024-03-04 08:46,1200\n2024-03-04 08:47,900\n");
        Scenario s = load("s.yaml", """
                name: minutes
                service: {serviceTime: 1s}
                traffic: {duration: 3m, trace: t.csv}
                """);
        Trace trace = (Trace) s.traffic().shape();
        assertEquals(Duration.ofMinutes(1), trace.resolution());
        assertEquals(2700, s.traffic().expectedRequests(), 1e-6, "600 + 1200 + 900 requests, not 60 times as many");
    }

    @Test
    void aFiveMinuteTraceIsScaledAndSliced() throws IOException {
        Files.writeString(dir.resolve("t.csv"), "minute,requests\n0,300\n5,600\n10,900\n15,1200\n");
        Scenario s = load("s.yaml", """
                name: five minutes
                service: {serviceTime: 1s}
                traffic: {duration: 10m, trace: {file: t.csv, resolution: 5m, scale: 2, from: 5m, to: 15m}}
                """);
        Trace trace = (Trace) s.traffic().shape();
        assertEquals(Duration.ofMinutes(5), trace.resolution());
        assertEquals(List.of(600, 900), trace.counts());
        assertEquals(Duration.ofMinutes(5), trace.from());
        assertEquals(2 * (600 + 900), s.traffic().expectedRequests(), 1e-6);
        assertEquals(2 * 600 / 300.0, trace.rate().rateAt(10), 1e-9, "rate = count x scale / resolution");
    }

    private Scenario load(String fileName, String text) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, text);
        return ScenarioLoader.load(file);
    }
}
