package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.queueing.ErlangB;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.Summary;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast engine's Knative data path with the activator out of the path, on a fixed scale (minReplicas =
 * maxReplicas = n), against a closed form (in the path: {@link KnativeTheoryTest}, Erlang C on both engines).
 * With targetBurstCapacity 0 and capacity to spare the excess burst capacity stays &ge; 0, so the ingress
 * sends round-robin to the queue-proxies; without a queue-proxy queue (a data path of limit 0, built here;
 * the loader always gives 10 × containerConcurrency) each replica is a GI/M/k/k loss system fed Erlang-n
 * interarrivals, whose 503 share is Takács's formula ({@link FastRoutingTheoryTest#takacsLoss}), tolerance
 * 2 % relative or 0.05 percentage point as {@link FastRoutingTheoryTest} states for round-robin. One hour of
 * 200 ms exponential service.
 */
class FastKnativeTheoryTest {
    @ParameterizedTest(name = "activator out of the path: {0} replicas × {1} slots, {2} Erlangs per replica")
    @CsvSource({"20, 1, 0.8", "50, 4, 3.2", "200, 2, 1.5"})
    void outOfThePathRoundRobinRejectsTakacsLossShare(int replicas, int cc, double erlangs) {
        double meanSeconds = 0.2;
        KnativeSpec k = KnativeScenarios.spec(replicas, replicas, replicas, cc, 0, Duration.ofSeconds(300));
        Service service = new Service(new ExponentialDistribution(Duration.ofMillis(200)), cc, Duration.ZERO, k.timeout(), 0,
                new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT).withRouting(new Routing(Routing.Mode.KNATIVE, 0));
        Scenario scenario = TestScenarios.scenario("knative takacs", 5, service, k, Optional.empty(),
                TestScenarios.steps(Duration.ofHours(1), new double[][] {{0, erlangs * replicas / meanSeconds}}));
        Summary s = Simulator.run(scenario, SimulationEngine.FAST).summary();
        double expected = FastRoutingTheoryTest.takacsLoss(cc, erlangs, replicas, meanSeconds);
        assertTrue(expected < ErlangB.blocking(cc, erlangs), "regular arrivals lose fewer than Poisson ones");
        System.out.printf(Locale.ROOT, "fast knative out of the path n=%d k=%d a=%.1f: 503 Takács %.5f fast %.5f%n", replicas, cc, erlangs,
                expected, s.rejected503Fraction());
        assertEquals(expected, s.rejected503Fraction(), Math.max(0.02 * expected, 0.0005), "503 fraction");
    }
}
