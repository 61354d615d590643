package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.HpaBehavior;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.dist.LognormalDistribution;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios the fast engine is judged on ({@link EngineComparison}): every example shipped in
 * {@code scenarios/} that the fast engine runs ({@link #EXAMPLES}, loaded by the caller) and the cases built here
 * — a ramp to about 2,000 replicas, a spike on 4-slot replicas, a static deployment in overload, a CPU
 * cluster that fills up, crash-looping replicas, per-replica routing behind a Kubernetes Service
 * (an HPA ramp to about 300 replicas behind random routing, a spike behind round-robin, a static
 * deployment behind least-in-flight), replicas whose requests slow each other down
 * ({@code service.slowdown}) under a ramp, and a Knative ramp to about 300 replicas whose activator leaves
 * the path. Kept short so the suite runs in seconds on DES, except
 * {@link #LARGE_EXAMPLES}, which only {@code bench engines} runs, on {@link #LARGE_RUNS} seeds.
 */
public final class EngineSuite {
    /** The example files of {@code scenarios/}, by file name. */
    public static final List<String> EXAMPLES = List.of("launch-day.yaml", "gentle-ramp.yaml", "gpu-cluster-full.yaml",
            "replica-cap.yaml", "seed-numbers.yaml", "trace-replay.yaml", "validate-spike.yaml", "reference.yaml", "hpa-cpu-launch.yaml",
            "hpa-concurrency.yaml", "keda-external.yaml", "gpu-node-autoscaling.yaml", "prometheus-day.yaml", "calibrate-low-load.yaml",
            "calibrate-step.yaml", "calibrate-concurrency.yaml", "knative-panic-spike.yaml", "kserve-scale-to-zero.yaml");
    /** Examples whose DES runs take seconds each (34 M requests): in the benchmark, not the test. */
    public static final List<String> LARGE_EXAMPLES = List.of("large-ramp.yaml");
    /** Seeds each engine runs on {@link #LARGE_EXAMPLES}: the fewest the issue allows for DES. */
    public static final int LARGE_RUNS = 4;
    /** Seeds each engine runs; the engines are compared as the means of their runs ({@link EngineComparison}). */
    public static final int RUNS = 16;

    private EngineSuite() {
    }

    /** The cases built in code, beside the examples. */
    public static List<Scenario> builtIn() {
        return List.of(rampTo2000Replicas(), spikeOnFourSlotReplicas(), staticOverload(), cpuClusterFills(), crashLooping(),
                hpaRampBehindRandomRouting(), spikeBehindRoundRobin(), staticBehindLeastInFlight(), slowdownRamp(),
                knativeRampTo300Replicas(), knativeSlowdownRamp());
    }

    /** 100 → 1,400 rps of 1 s requests over 8 minutes: azureml goes from 143 to about 2,000 replicas. */
    static Scenario rampTo2000Replicas() {
        Service service = service(LognormalDistribution.fromMeanAndP99(Duration.ofSeconds(1), Duration.ofSeconds(3)), 1,
                Duration.ofSeconds(60));
        return scenario("ramp to 2000 replicas", 21, service, new AzureMlSpec(143, 2500, 0.7, Duration.ofSeconds(1),
                Duration.ofSeconds(60)), Optional.empty(), Duration.ofMinutes(15), List.of(
                new Segment.Step(Duration.ZERO, 100),
                new Segment.Ramp(Duration.ofMinutes(2), 1400, Duration.ofMinutes(8))));
    }

    /** 50 → 600 rps for 2 minutes, 200 ms requests, 4 slots per replica, 20 s startup. */
    static Scenario spikeOnFourSlotReplicas() {
        Service service = service(LognormalDistribution.fromMeanAndP99(Duration.ofMillis(200), Duration.ofSeconds(1)), 4,
                Duration.ofSeconds(20));
        return scenario("spike, 4 slots per replica", 22, service, new AzureMlSpec(4, 100, 0.7, Duration.ofSeconds(1),
                Duration.ofSeconds(60)), Optional.empty(), Duration.ofMinutes(8), List.of(
                new Segment.Step(Duration.ZERO, 50),
                new Segment.Step(Duration.ofMinutes(3), 600),
                new Segment.Step(Duration.ofMinutes(5), 50)));
    }

    /** A static 20 replicas of exponential 1 s requests: 12 rps, then 26 rps (overload) for 3 minutes. */
    static Scenario staticOverload() {
        Service service = service(new ExponentialDistribution(Duration.ofSeconds(1)), 1, Duration.ofSeconds(90));
        return scenario("static 20, overload", 23, service, new StaticSpec(20), Optional.empty(), Duration.ofMinutes(6), List.of(
                new Segment.Step(Duration.ZERO, 12),
                new Segment.Step(Duration.ofMinutes(2), 26),
                new Segment.Step(Duration.ofMinutes(5), 12)));
    }

    /** Four 8-core nodes hold 32 one-core replicas; 5 → 40 rps of 1 s requests needs 58. */
    static Scenario cpuClusterFills() {
        Service service = service(LognormalDistribution.fromMeanAndP99(Duration.ofSeconds(1), Duration.ofSeconds(3)), 1,
                Duration.ofSeconds(45));
        Cluster cluster = new Cluster(List.of(new NodePool("general", 4, 8, 32, 0)), Duration.ofMinutes(5));
        return scenario("cpu cluster fills", 24, service, new AzureMlSpec(4, 80, 0.7, Duration.ofSeconds(1), Duration.ofSeconds(60)),
                Optional.of(cluster), Duration.ofMinutes(12), List.of(
                new Segment.Step(Duration.ZERO, 5),
                new Segment.Ramp(Duration.ofMinutes(2), 40, Duration.ofMinutes(3))));
    }

    /** A third of new replicas crash-loop: 3 → 25 rps of 500 ms requests. */
    static Scenario crashLooping() {
        Service base = service(LognormalDistribution.fromMeanAndP99(Duration.ofMillis(500), Duration.ofSeconds(2)), 1,
                Duration.ofSeconds(30));
        Service service = new Service(base.serviceTime(), 1, base.maxQueueWait(), base.timeout(), 0.01, base.startup(), 0.33,
                base.resources());
        return scenario("crash-looping replicas", 25, service, new AzureMlSpec(3, 40, 0.7, Duration.ofSeconds(1),
                Duration.ofSeconds(60)), Optional.empty(), Duration.ofMinutes(10), List.of(
                new Segment.Step(Duration.ZERO, 3),
                new Segment.Step(Duration.ofMinutes(2), 25)));
    }

    /**
     * Behind kube-proxy's iptables mode (random backend): 200 → 1,000 rps of 500 ms requests, 2 slots and
     * a queue of 10 per replica, HPA on CPU at 60 % from 200 replicas (30 s startup): it grows to about 300.
     */
    static Scenario hpaRampBehindRandomRouting() {
        Service service = service(LognormalDistribution.fromMeanAndP99(Duration.ofMillis(500), Duration.ofMillis(1500)), 2,
                Duration.ofSeconds(30)).withRouting(new Routing(Routing.Mode.RANDOM, 10));
        return scenario("hpa ramp, random routing", 26, service, HpaSpec.of(200, 800, new HpaMetric(HpaMetric.Type.CPU, 0.6),
                Optional.of(HpaBehavior.DEFAULT)), Optional.empty(), Duration.ofMinutes(12), List.of(
                new Segment.Step(Duration.ZERO, 200),
                new Segment.Ramp(Duration.ofMinutes(2), 1000, Duration.ofMinutes(6))));
    }

    /** Behind IPVS's default round-robin: 100 → 900 rps of 200 ms requests for 2 minutes, 1 slot and a queue of 20 per replica, azureml's policy. */
    static Scenario spikeBehindRoundRobin() {
        Service service = service(LognormalDistribution.fromMeanAndP99(Duration.ofMillis(200), Duration.ofMillis(800)), 1,
                Duration.ofSeconds(20)).withRouting(new Routing(Routing.Mode.ROUND_ROBIN, 20));
        return scenario("spike, round-robin", 27, service, new AzureMlSpec(30, 400, 0.7, Duration.ofSeconds(1),
                Duration.ofSeconds(60)), Optional.empty(), Duration.ofMinutes(8), List.of(
                new Segment.Step(Duration.ZERO, 100),
                new Segment.Step(Duration.ofMinutes(3), 900),
                new Segment.Step(Duration.ofMinutes(5), 100)));
    }

    /** A static 50 replicas of exponential 1 s requests behind least-in-flight (queue 5): 40 rps, then 55 rps (overload) for 3 minutes. */
    static Scenario staticBehindLeastInFlight() {
        Service service = service(new ExponentialDistribution(Duration.ofSeconds(1)), 1, Duration.ofSeconds(90))
                .withRouting(new Routing(Routing.Mode.LEAST_IN_FLIGHT, 5));
        return scenario("static 50, least-in-flight", 28, service, new StaticSpec(50), Optional.empty(), Duration.ofMinutes(6), List.of(
                new Segment.Step(Duration.ZERO, 40),
                new Segment.Step(Duration.ofMinutes(2), 55),
                new Segment.Step(Duration.ofMinutes(5), 40)));
    }

    /**
     * Replicas whose 4 concurrent requests slow each other down ({@code service.slowdown} 0.15: as calibrated
     * from GPU batching): 200 ms lognormal requests, 40 → 500 rps over 4 minutes, azureml from 4 replicas (30 s
     * startup): at 70 % of the slots each request runs about 1.3 times its drawn length, and the deployment
     * grows to about 50 replicas.
     */
    static Scenario slowdownRamp() {
        Service service = service(LognormalDistribution.fromMeanAndP99(Duration.ofMillis(200), Duration.ofMillis(800)), 4,
                Duration.ofSeconds(30)).withSlowdown(0.15);
        return scenario("slowdown ramp", 29, service, new AzureMlSpec(4, 120, 0.7, Duration.ofSeconds(1), Duration.ofSeconds(60)),
                Optional.empty(), Duration.ofMinutes(10), List.of(
                new Segment.Step(Duration.ZERO, 40),
                new Segment.Ramp(Duration.ofMinutes(2), 500, Duration.ofMinutes(4))));
    }

    /**
     * Knative with upstream's defaults (target burst capacity 211), containerConcurrency 10: 100 → 2,000 rps of 1 s requests
     * over 6 minutes, from 10 replicas (30 s startup) to about 290. The activator is in the path at first (10 × 10 slots
     * leave no room for 211 requests of burst) and leaves it once the spare slots exceed the burst capacity.
     */
    static Scenario knativeRampTo300Replicas() {
        KnativeSpec k = KnativeSpec.defaults(10, 400, 10);
        Service service = service(LognormalDistribution.fromMeanAndP99(Duration.ofSeconds(1), Duration.ofSeconds(3)), 10,
                Duration.ofSeconds(30)).withTimeout(k.timeout()).withRouting(new Routing(Routing.Mode.KNATIVE, k.queueProxyDepth()));
        return scenario("knative ramp to 300 replicas", 29, service, k, Optional.empty(), Duration.ofMinutes(10), List.of(
                new Segment.Step(Duration.ZERO, 100),
                new Segment.Ramp(Duration.ofMinutes(2), 2000, Duration.ofMinutes(6))));
    }

    /**
     * Knative in front of replicas whose 4 concurrent requests slow each other down ({@code service.slowdown} 0.2):
     * 200 ms lognormal requests, 10 → 200 rps over 4 minutes from 2 replicas (20 s startup, at most 60). The
     * activator stays in the path and packs the replicas, so requests run up to 1.6 times their drawn length;
     * when the ramp's panic ends the KPA halves the count per tick into the slowed capacity and may panic again.
     */
    static Scenario knativeSlowdownRamp() {
        KnativeSpec k = KnativeSpec.defaults(2, 60, 4);
        Service service = service(LognormalDistribution.fromMeanAndP99(Duration.ofMillis(200), Duration.ofMillis(800)), 4,
                Duration.ofSeconds(20)).withTimeout(k.timeout()).withRouting(new Routing(Routing.Mode.KNATIVE, k.queueProxyDepth()))
                .withSlowdown(0.2);
        return scenario("knative slowdown ramp", 30, service, k, Optional.empty(), Duration.ofMinutes(10), List.of(
                new Segment.Step(Duration.ZERO, 10),
                new Segment.Ramp(Duration.ofMinutes(2), 200, Duration.ofMinutes(4))));
    }

    private static Service service(DistributionSpec serviceTime, int concurrency, Duration startup) {
        return new Service(serviceTime, concurrency, Duration.ofMillis(500), Duration.ofSeconds(60), 0,
                new ConstantDistribution(startup), 0, Resources.DEFAULT);
    }

    private static Scenario scenario(String name, long seed, Service service, AutoscalerSpec autoscaler, Optional<Cluster> cluster,
            Duration length, List<Segment> profile) {
        return new Scenario(name, seed, service, autoscaler, cluster,
                new Traffic(length, ArrivalProcess.POISSON, new RateProfile(profile)), Slo.NONE, Optional.empty(), "built-in");
    }
}
