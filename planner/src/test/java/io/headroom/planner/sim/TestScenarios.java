package io.headroom.planner.sim;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.scenario.Cluster;
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

/** Scenarios built in code for simulator tests. */
final class TestScenarios {
    private TestScenarios() {
    }

    /** M/M/c: static replicas, exponential service, constant Poisson rate. */
    static Scenario mmc(int servers, double offeredLoad, Duration meanService, Duration maxWait, Duration length, long seed) {
        double rps = offeredLoad / (meanService.toNanos() / 1e9);
        Service service = service(new ExponentialDistribution(meanService), maxWait, Duration.ZERO);
        return scenario("mmc", seed, service, new StaticSpec(servers), Optional.empty(),
                new Traffic(length, ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, rps)))));
    }

    static Service service(DistributionSpec serviceTime, Duration maxWait, Duration startup) {
        return new Service(serviceTime, 1, maxWait, Duration.ofHours(1), 0, new ConstantDistribution(startup), 0,
                Resources.DEFAULT);
    }

    static Scenario scenario(String name, long seed, Service service, AutoscalerSpec autoscaler, Optional<Cluster> cluster,
            Traffic traffic) {
        return new Scenario(name, seed, service, autoscaler, cluster, traffic, Slo.NONE, Optional.empty(), "test");
    }

    /** azureml with the given bounds and target, 1 s refresh, 60 s scale-down delay. */
    static AzureMlSpec azureml(int min, int max, double target) {
        return new AzureMlSpec(min, max, target, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** Steps: rps values at the given seconds. */
    static Traffic steps(Duration length, double[][] atSecondsAndRps) {
        List<Segment> segments = new java.util.ArrayList<>();
        for (double[] s : atSecondsAndRps) {
            segments.add(new Segment.Step(Duration.ofNanos((long) (s[0] * 1e9)), s[1]));
        }
        return new Traffic(length, ArrivalProcess.POISSON, new RateProfile(segments));
    }

    static Optional<Cluster> gpuCluster(int nodes) {
        return Optional.of(new Cluster(List.of(new NodePool("gpu", nodes, 6, 56, 1)), Duration.ofMinutes(5)));
    }
}
