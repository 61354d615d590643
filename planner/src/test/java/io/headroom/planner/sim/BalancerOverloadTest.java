package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Behind round-robin in deep overload: 50 replicas of 1 slot and a queue of 20, 200 ms exponential requests, offered
 * three times their capacity for 2 minutes. Each replica is then M/M/1/21 at ρ = 3 (round-robin's arrivals are
 * smoother than Poisson, which the full queue hardly feels), whose queue is nearly always full: an admitted request
 * finds n of the 20 places taken with probability ∝ ρⁿ (PASTA) and its latency is Erlang(n + 1, μ), so the run's
 * median is 4.0 s. The fast engine once read 2.1 s here: its stationary queue, read at the capacity in overload,
 * took its content by Little's law from all arrivals (1,800 for 1,000 places), leaving the fluid backlog no place
 * and every request the wait of a queue at ρ = 1; now the overloaded model holds the queues (des 4.035 s, fast
 * 4.149 s). Checked on both engines: the median within 10 %, and no second's queue above the replicas' 1,000
 * places.
 */
class BalancerOverloadTest {
    private static final int REPLICAS = 50;
    private static final int QUEUE = 20;
    private static final double MU = 5;
    private static final double RHO = 3;

    @ParameterizedTest
    @EnumSource(SimulationEngine.class)
    void aFullReplicaQueueHoldsItsPlacesAndItsRequestsWaitForAllOfThem(SimulationEngine engine) {
        Service service = TestScenarios.service(new ExponentialDistribution(Duration.ofMillis(200)), Duration.ofSeconds(30), Duration.ZERO)
                .withRouting(new Routing(Routing.Mode.ROUND_ROBIN, QUEUE));
        Scenario scenario = TestScenarios.scenario("round-robin overload", 5L, service, new StaticSpec(REPLICAS), Optional.empty(),
                new Traffic(Duration.ofMinutes(2), ArrivalProcess.POISSON,
                        new RateProfile(List.of(new Segment.Step(Duration.ZERO, RHO * MU * REPLICAS)))));
        SimulationResult run = Simulator.run(scenario, engine);
        for (TimelineRow row : run.timeline()) {
            assertTrue(row.replicas().queueLength() <= REPLICAS * QUEUE + 1, "second " + row.second() + ": " + row.replicas());
        }
        double theory = medianLatency();
        double p50 = run.summary().latencyMs().p50() / 1000;
        System.out.printf(java.util.Locale.ROOT, "%s, round-robin at rho 3: p50 %.3f s (M/M/1/21 %.3f s)%n", engine, p50, theory);
        assertEquals(theory, p50, 0.10 * theory);
    }

    /**
     * Behind least-in-flight in overload: 50 replicas of 1 slot and a queue of 5, 1 s exponential requests, offered 1.5
     * times their capacity for 20 minutes. JSQ keeps every queue full, so an admitted request takes the place that
     * just freed, waits for the 5 departures ahead of it and then its own service: Erlang(6, 1), p50 5.67 s, p99
     * 13.1 s. The fast engine's pooled backlog gave every request the same 5 s wait (p99 8.8 s on the suite's static
     * 50 step, −24 %); its waits now spread over the replica's departures ({@link DepartureSpread}). Both engines, p50
     * and p99 within 10 % of Erlang(6, 1) (the first seconds, while the queues fill, pull both down a little).
     */
    @ParameterizedTest
    @EnumSource(SimulationEngine.class)
    void behindLeastInFlightAFullQueuesWaitIsItsReplicasDepartures(SimulationEngine engine) {
        Service service = TestScenarios.service(new ExponentialDistribution(Duration.ofSeconds(1)), Duration.ofSeconds(60), Duration.ZERO)
                .withRouting(new Routing(Routing.Mode.LEAST_IN_FLIGHT, 5));
        Scenario scenario = TestScenarios.scenario("least-in-flight overload", 5L, service, new StaticSpec(50), Optional.empty(),
                new Traffic(Duration.ofMinutes(20), ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, 75)))));
        var latency = Simulator.run(scenario, engine).summary().latencyMs();
        GammaDistribution erlang = new GammaDistribution(null, 6, 1);
        System.out.printf(java.util.Locale.ROOT, "%s, least-in-flight at rho 1.5: p50 %.2f s p99 %.2f s (Erlang(6, 1) %.2f s, %.2f s)%n",
                engine, latency.p50() / 1000, latency.p99() / 1000, erlang.inverseCumulativeProbability(0.5), erlang.inverseCumulativeProbability(0.99));
        assertEquals(erlang.inverseCumulativeProbability(0.5), latency.p50() / 1000, 0.10 * erlang.inverseCumulativeProbability(0.5), "p50");
        assertEquals(erlang.inverseCumulativeProbability(0.99), latency.p99() / 1000, 0.10 * erlang.inverseCumulativeProbability(0.99), "p99");
    }

    /** The median of Σₙ wₙ·Erlang(n + 1, μ), wₙ ∝ ρⁿ for n = 0..QUEUE, by bisection. */
    private static double medianLatency() {
        double[] w = new double[QUEUE + 1];
        double total = 0;
        for (int n = 0; n <= QUEUE; n++) {
            w[n] = Math.pow(RHO, n);
            total += w[n];
        }
        double low = 0;
        double high = 20;
        for (int i = 0; i < 60; i++) {
            double x = (low + high) / 2;
            double cdf = 0;
            for (int n = 0; n <= QUEUE; n++) {
                cdf += w[n] / total * new GammaDistribution(null, n + 1, 1 / MU).cumulativeProbability(x);
            }
            if (cdf < 0.5) {
                low = x;
            } else {
                high = x;
            }
        }
        return (low + high) / 2;
    }
}
