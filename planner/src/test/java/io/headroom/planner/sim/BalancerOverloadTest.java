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
