package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Per-replica routing against queueing theory. Random splitting of a Poisson stream over n replicas
 * gives n independent Poisson streams of rate λ/n, so each replica with one slot and a queue of K is
 * an M/M/1/(K+1) queue, whose blocking probability is {@code (1 − ρ) ρ^N / (1 − ρ^(N+1))} with N = K + 1
 * (Kleinrock, Queueing Systems vol. 1, §3.6). Round-robin makes each replica's arrivals Erlang-n (more
 * regular; without a queue Takács's GI/M/c/c loss formula holds), and least-in-flight joins the shortest
 * queue: both lose fewer requests than random at the same load. 10 replicas at ρ = 0.8, 100 ms exponential service, 1 h (288,000 requests); tolerance 5 %
 * relative (seed noise is about 1.5 %).
 */
class RoutingTheoryTest {
    private static final int REPLICAS = 10;
    private static final double RHO = 0.8;

    private static double rejected(Routing routing) {
        Service service = TestScenarios.service(new ExponentialDistribution(Duration.ofMillis(100)), Duration.ofMillis(500), Duration.ZERO)
                .withRouting(routing);
        double rps = RHO * REPLICAS / 0.1;
        Scenario s = TestScenarios.scenario("routing", 12, service, new StaticSpec(REPLICAS), Optional.empty(),
                TestScenarios.steps(Duration.ofHours(1), new double[][] {{0, rps}}));
        return Simulator.run(s).summary().rejected503Fraction();
    }

    private static double mm1nBlocking(double rho, int capacity) {
        return (1 - rho) * Math.pow(rho, capacity) / (1 - Math.pow(rho, capacity + 1));
    }

    @Test
    void randomRoutingWithAQueueOfThreeIsTenIndependentMm14Queues() {
        double expected = mm1nBlocking(RHO, 4);
        assertEquals(0.12185, expected, 1e-5, "the closed form itself");
        assertEquals(expected, rejected(new Routing(Routing.Mode.RANDOM, 3)), expected * 0.05);
    }

    @Test
    void randomRoutingWithoutAQueueIsErlangBForOneServer() {
        double expected = RHO / (1 + RHO);
        assertEquals(expected, rejected(new Routing(Routing.Mode.RANDOM, 0)), expected * 0.05);
    }

    @Test
    void roundRobinWithoutAQueueIsTakacsLossForErlangArrivals() {
        // each replica sees every 10th arrival: Erlang-10 interarrivals, GI/M/1/1 (Takács)
        double expected = FastRoutingTheoryTest.takacsLoss(1, RHO, REPLICAS, 0.1);
        assertEquals(expected, rejected(new Routing(Routing.Mode.ROUND_ROBIN, 0)), expected * 0.05);
    }

    @Test
    void roundRobinAndLeastInFlightLoseFewerThanRandom() {
        double random = rejected(new Routing(Routing.Mode.RANDOM, 3));
        double roundRobin = rejected(new Routing(Routing.Mode.ROUND_ROBIN, 3));
        double leastInFlight = rejected(new Routing(Routing.Mode.LEAST_IN_FLIGHT, 3));
        assertTrue(roundRobin < random * 0.9, "round-robin " + roundRobin + " vs random " + random);
        assertTrue(leastInFlight < roundRobin, "least-in-flight " + leastInFlight + " vs round-robin " + roundRobin);
    }
}
