package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.LatencySummary;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Latency percentiles against M/M/1's sojourn time, exponential with rate μ − λ (L. Kleinrock,
 * <i>Queueing Systems</i> vol. 1, 1975, §3.2): 100 ms exponential requests on one slot at ρ 0.5, so
 * T ~ Exp(mean 200 ms): p50 138.6 ms, p90 460.5 ms, p99 921.0 ms. Waits are short against the
 * horizon the engine tracks (behind random routing the wait behind a full queue of 100, 9.5 s; the
 * central queue's max wait of 30 s): with 16 equal wait bins the fast engine's p50 was 505 ms behind
 * random routing. One replica behind the central queue; 20 behind random routing, each an M/M/1
 * (random splitting of a Poisson stream). Both engines, 1 h; within 3 % (DES: 18,000 to 360,000
 * requests; fast: its wait and service-time grids).
 */
class FastLatencyTheoryTest {
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"FAST, RANDOM", "FAST, CENTRAL_QUEUE", "DES, RANDOM", "DES, CENTRAL_QUEUE"})
    void percentilesFollowTheExponentialSojournOfMM1(SimulationEngine engine, Routing.Mode mode) {
        boolean random = mode == Routing.Mode.RANDOM;
        int replicas = random ? 20 : 1;
        Routing routing = random ? new Routing(mode, 100) : Routing.CENTRAL;
        Service service = new Service(new ExponentialDistribution(Duration.ofMillis(100)), 1, Duration.ofSeconds(30), Duration.ofSeconds(60), 0,
                new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT).withRouting(routing);
        Scenario scenario = TestScenarios.scenario("mm1 sojourn", 5L, service, new StaticSpec(replicas), Optional.empty(),
                new Traffic(Duration.ofHours(1), ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, 5.0 * replicas)))));
        LatencySummary latency = Simulator.run(scenario, engine).summary().latencyMs();
        double meanMs = 100 / (1 - 0.5);
        double[] levels = {0.5, 0.9, 0.99};
        double[] simulated = {latency.p50(), latency.p90(), latency.p99()};
        for (int i = 0; i < levels.length; i++) {
            double theoryMs = -meanMs * Math.log(1 - levels[i]);
            System.out.printf(Locale.ROOT, "%s %s M/M/1 sojourn p%.0f: %.1f ms (theory %.1f, %+.2f %%)%n", engine, mode, 100 * levels[i],
                    simulated[i], theoryMs, 100 * (simulated[i] / theoryMs - 1));
            assertEquals(theoryMs, simulated[i], 0.03 * theoryMs, "p" + Math.round(100 * levels[i]));
        }
    }

    /**
     * In heavy overload a served request waits the max wait: in M/M/c+D the served waits have density ∝ e^{−θv} on
     * (0, D) with θ = cμ − λ (Boots &amp; Tijms 1999), here 80 − 2,000 per second, so they lie within a millisecond
     * of D = 2 s and the latency's quantiles are D plus the exponential service time's: p50 2.069 s, p90 2.230 s,
     * p99 2.461 s. One replica of 8 slots offered 25 times its capacity for 10 minutes (after the first 30 s);
     * within 3 %. The fast engine's served requests there pass through its backlog within a step, and with their
     * age as their wait its p50 was 160 ms.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"FAST", "DES"})
    void inOverloadServedRequestsWaitTheMaxWait(SimulationEngine engine) {
        Service service = new Service(new ExponentialDistribution(Duration.ofMillis(100)), 8, Duration.ofSeconds(2), Duration.ofSeconds(60), 0,
                new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT);
        Scenario scenario = TestScenarios.scenario("overload waits", 7L, service, new StaticSpec(1), Optional.empty(),
                new Traffic(Duration.ofMinutes(10), ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, 2000)))));
        LatencySummary latency = Simulator.run(scenario, engine).summary().latencyMs();
        double[] levels = {0.5, 0.9, 0.99};
        double[] simulated = {latency.p50(), latency.p90(), latency.p99()};
        for (int i = 0; i < levels.length; i++) {
            double theoryMs = 2000 - 100 * Math.log(1 - levels[i]);
            System.out.printf(Locale.ROOT, "%s overload latency p%.0f: %.1f ms (max wait + service %.1f, %+.2f %%)%n", engine,
                    100 * levels[i], simulated[i], theoryMs, 100 * (simulated[i] / theoryMs - 1));
            assertEquals(theoryMs, simulated[i], 0.03 * theoryMs, "p" + Math.round(100 * levels[i]));
        }
    }
}
