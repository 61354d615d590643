package io.headroom.loadgen.loadtest;

import io.headroom.loadgen.emulator.InstantEndpoint;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warms the load generator up before a measured test: a cold JVM sends its first seconds of requests
 * late (Gatling's and the recorder's hot paths are not compiled yet). The warm-up is a short load
 * test against an endpoint started here on loopback and stopped again — never the target, whose
 * state the warm-up must not change.
 */
public final class WarmUp {
    private WarmUp() {
    }

    /** Runs {@code length} of traffic at {@code rps} against a throwaway loopback endpoint. */
    public static void run(double rps, Duration length) {
        Service instant = new Service(new ConstantDistribution(Duration.ofMillis(1)), 1, Duration.ZERO, Duration.ofSeconds(10), 0,
                new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT);
        Scenario warm = new Scenario("warm-up", 1, instant, new StaticSpec(1), Optional.empty(),
                new Traffic(length, ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, rps)))),
                Slo.NONE, Optional.empty(), "warm-up");
        try (InstantEndpoint endpoint = InstantEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            new LoadTest(warm, new LoadTestRequest(URI.create(endpoint.uri() + "/warm-up"), "GET", null, Map.of())).run(Progress.NONE);
        }
    }
}
