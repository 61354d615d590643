package io.headroom.loadgen.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.traffic.ArrivalStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator and the emulated endpoint's router drive one {@code RouterModel}; this proves the two
 * drivers agree. The endpoint's {@link Router} runs on a {@link VirtualScheduler} and is sent the
 * simulator's own arrivals for the scenario's seed; every request's answer (status, and latency from
 * arrival to answer) is grouped by the second it was sent, and each second must equal the simulator's
 * timeline row exactly (one scenario scales with the hpa policy, so the endpoint runs it as the simulator does): counts of ok, 503, 504 and 502, latency p50 and p99 (the same HdrHistogram, 2 significant digits
 * precision), and the replica sample at the second's end (ready, starting, desired, busy, queued,
 * pending, crash-looping, limited by max).
 */
class RouterAgreementTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    /** The scenarios: the README's validation spike (Poisson), and one that exercises every rule. */
    private static final String EVERY_RULE = """
            name: every rule
            seed: 5
            service:
              serviceTime: {distribution: lognormal, mean: 400ms, p99: 3s}
              concurrency: 2
              maxQueueWait: 300ms
              timeout: 1500ms
              errorRate: 0.05
              startup: {distribution: lognormal, mean: 8s, cv: 0.5}
              startupFailureRate: 0.2
              resources: {cpu: 2, memoryGb: 4}
            autoscaler: {policy: azureml, minReplicas: 2, maxReplicas: 30, targetUtilization: 0.6, scaleDownDelay: 20s}
            cluster:
              nodePools: [{name: small, count: 3, cpu: 8, memoryGb: 32}]
              schedulingTimeout: 30s
            traffic:
              duration: 3m
              profile:
                - {at: 0s, rps: 3}
                - {at: 30s, rps: 40}
                - {at: 60s, rampTo: 80, over: 30s}
                - {at: 2m, rps: 5}
            """;
    private static final String NO_QUEUE = """
            name: no queue
            seed: 9
            service: {serviceTime: {distribution: exponential, mean: 200ms}, maxQueueWait: 0s, startup: 5s}
            autoscaler: {policy: azureml, minReplicas: 1, maxReplicas: 12, targetUtilization: 0.7, refreshInterval: 2s}
            traffic: {duration: 2m, profile: [{at: 0s, rps: 5}, {at: 40s, rps: 35}, {at: 80s, rps: 10}]}
            """;
    private static final String HPA = """
            name: hpa
            seed: 4
            service: {serviceTime: {distribution: exponential, mean: 300ms}, concurrency: 2, startup: {distribution: lognormal, mean: 12s, cv: 0.4}}
            autoscaler: {policy: hpa, minReplicas: 2, maxReplicas: 30, metric: {type: cpu, targetUtilization: 0.6}, behavior: {}}
            traffic: {duration: 3m, profile: [{at: 0s, rps: 4}, {at: 40s, rps: 40}, {at: 2m, rps: 6}]}
            """;
    private static final String BALANCED = """
            name: balanced
            seed: 6
            service: {serviceTime: {distribution: lognormal, mean: 250ms, cv: 1.2}, concurrency: 2, routing: random,
              replicaQueueLimit: 3, timeout: 2s, startup: 6s}
            autoscaler: {policy: azureml, minReplicas: 2, maxReplicas: 25, scaleDownDelay: 20s}
            traffic: {duration: 3m, profile: [{at: 0s, rps: 4}, {at: 40s, rps: 40}, {at: 2m, rps: 6}]}
            """;
    /** Knative: cold start through the activator, panic, serve mode, scale to zero and a second cold start, 504s at the revision timeout. */
    private static final String KNATIVE = """
            name: knative
            seed: 7
            service: {serviceTime: {distribution: exponential, mean: 300ms}, concurrency: 2, startup: {distribution: lognormal, mean: 8s, cv: 0.3}}
            autoscaler: {policy: knative, minReplicas: 0, maxReplicas: 20, initialScale: 1, targetBurstCapacity: 4, stableWindow: 10s,
              panicWindow: 2s, scaleToZeroGracePeriod: 6s, timeout: 7s}
            traffic: {duration: 3m, profile: [{at: 0s, rps: 3}, {at: 20s, rps: 40}, {at: 50s, rps: 0}, {at: 100s, rps: 6}, {at: 150s, rps: 0}]}
            """;
    /** service.slowdown under both routings: the central queue's even spread and a balancer's own replica count. */
    private static final String SLOWED = """
            name: slowed
            seed: 7
            service: {serviceTime: {distribution: lognormal, mean: 200ms, cv: 0.5}, concurrency: 4, slowdown: 0.3, startup: 5s}
            autoscaler: {policy: azureml, minReplicas: 1, maxReplicas: 12, scaleDownDelay: 20s}
            traffic: {duration: 2m, profile: [{at: 0s, rps: 5}, {at: 30s, rps: 30}, {at: 80s, rps: 8}]}
            """;
    private static final String SLOWED_BALANCED = SLOWED.replace("name: slowed", "name: slowed balanced")
            .replace("startup: 5s}", "startup: 5s, routing: least-in-flight}");
    /** The cluster autoscaler: GPU replicas Pending for nodes that arrive after a lognormal time, a placeholder, scale-down. */
    private static final String NODES = """
            name: nodes
            seed: 8
            service: {serviceTime: {distribution: exponential, mean: 400ms}, startup: 10s, resources: {cpu: 2, memoryGb: 8, gpu: 1}}
            autoscaler: {policy: azureml, minReplicas: 2, maxReplicas: 20, scaleDownDelay: 20s}
            cluster:
              nodePools:
                - {name: gpu, count: 3, min: 2, max: 10, cpu: 6, memoryGb: 56, gpu: 1, costPerHour: 3,
                   provisioning: {distribution: lognormal, mean: 40s, cv: 0.4}}
              autoscaler: {scanInterval: 10s, maxNodeProvisionTime: 50s, scaleDownUnneededTime: 30s, scaleDownDelayAfterAdd: 20s}
              placeholders: {replicas: 1}
            traffic: {duration: 3m, profile: [{at: 0s, rps: 3}, {at: 30s, rps: 15}, {at: 100s, rps: 2}]}
            """;
    private static final String FIXED = """
            name: static overload
            seed: 3
            service: {serviceTime: {distribution: gamma, mean: 1s, cv: 0.8}, maxQueueWait: 2s}
            autoscaler: {policy: static, replicas: 6}
            traffic: {duration: 90s, profile: [{at: 0s, rps: 4}, {at: 30s, rps: 9}]}
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"validate-spike", "every-rule", "no-queue", "hpa", "balanced", "knative", "static", "slowed",
        "slowed-balanced", "nodes"})
    void theEndpointsRouterAndTheSimulatorGiveTheSameOutcomeEverySecond(String name) throws IOException {
        Scenario scenario = scenario(name);
        List<TimelineRow> predicted = Simulator.run(scenario).timeline();
        Observed observed = drive(scenario);
        assertEquals(predicted.size(), scenario.traffic().seconds());
        long requests = 0;
        for (TimelineRow row : predicted) {
            int s = row.second();
            String at = name + ", second " + s;
            assertEquals(row.arrivals(), observed.arrivals[s], at + ": arrivals");
            assertEquals(row.ok(), observed.ok[s], at + ": ok " + row + " observed 503 " + observed.rejected503[s] + " 504 " + observed.timeout504[s] + " 502 " + observed.error502[s]);
            assertEquals(row.rejected503(), observed.rejected503[s], at + ": 503");
            assertEquals(row.timeout504(), observed.timeout504[s], at + ": 504");
            assertEquals(row.error502(), observed.error502[s], at + ": 502");
            Histogram h = observed.latencyMicros[s];
            assertEquals(row.latencyP50Ms(), h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1000.0, at + ": p50");
            assertEquals(row.latencyP99Ms(), h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0, at + ": p99");
            assertEquals(row.replicas(), observed.samples.get(s), at + ": replicas");
            requests += row.arrivals();
        }
        assertTrue(requests > 500, "a test of substance: " + requests + " requests");
    }

    private Scenario scenario(String name) throws IOException {
        if (name.equals("validate-spike")) {
            return ScenarioLoader.load(Path.of("..", "scenarios", "validate-spike.yaml"));
        }
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, switch (name) {
            case "every-rule" -> EVERY_RULE;
            case "no-queue" -> NO_QUEUE;
            case "hpa" -> HPA;
            case "balanced" -> BALANCED;
            case "knative" -> KNATIVE;
            case "slowed" -> SLOWED;
            case "slowed-balanced" -> SLOWED_BALANCED;
            case "nodes" -> NODES;
            default -> FIXED;
        });
        return ScenarioLoader.load(file);
    }

    /** What the endpoint's router answered, by the second each request was sent, and its replica sample at each second's end. */
    private static final class Observed {
        final long[] arrivals;
        final long[] ok;
        final long[] rejected503;
        final long[] timeout504;
        final long[] error502;
        final Histogram[] latencyMicros;
        final List<ReplicaSample> samples = new ArrayList<>();

        Observed(int seconds) {
            arrivals = new long[seconds];
            ok = new long[seconds];
            rejected503 = new long[seconds];
            timeout504 = new long[seconds];
            error502 = new long[seconds];
            latencyMicros = new Histogram[seconds];
            for (int i = 0; i < seconds; i++) {
                latencyMicros[i] = new Histogram(2);
            }
        }
    }

    private static Observed drive(Scenario scenario) {
        int seconds = scenario.traffic().seconds();
        Observed out = new Observed(seconds);
        VirtualScheduler clock = new VirtualScheduler();
        Router router = new Router(scenario, clock);
        router.start();
        ArrivalStream arrivals = Simulator.arrivals(scenario);
        sendNext(arrivals, arrivals.nextNanos(), clock, router, out);
        sampleAt(1, seconds, clock, router, out);
        long end = scenario.traffic().duration().toNanos() + scenario.service().timeout().toNanos()
                + scenario.service().maxQueueWait().toNanos() + 10 * SECOND;
        clock.runUntil(end);
        router.stop();
        return out;
    }

    private static void sendNext(ArrivalStream arrivals, long atNanos, VirtualScheduler clock, Router router, Observed out) {
        if (atNanos == Long.MAX_VALUE) {
            return;
        }
        clock.scheduleAt(atNanos, () -> {
            int second = (int) (atNanos / SECOND);
            out.arrivals[second]++;
            router.score((status, body) -> {
                long latencyMicros = (clock.nowNanos() - atNanos) / 1000;
                switch (status) {
                    case 200 -> out.ok[second]++;
                    case 503 -> out.rejected503[second]++;
                    case 504 -> out.timeout504[second]++;
                    case 502 -> out.error502[second]++;
                    default -> throw new AssertionError("status " + status);
                }
                if (status != 503) {
                    out.latencyMicros[second].recordValue(latencyMicros);
                }
            });
            sendNext(arrivals, arrivals.nextNanos(), clock, router, out);
        });
    }

    /** The replica sample at the end of each second, taken after that instant's tick (scheduled later than it). */
    private static void sampleAt(int second, int seconds, VirtualScheduler clock, Router router, Observed out) {
        if (second > seconds) {
            return;
        }
        clock.scheduleAt(second * SECOND, () -> {
            clock.execute(() -> {
                out.samples.add(router.metricsNow().replicaSample());
                sampleAt(second + 1, seconds, clock, router, out);
            });
        });
    }
}
