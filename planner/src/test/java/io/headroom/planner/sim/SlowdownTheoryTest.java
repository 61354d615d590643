package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.scenario.CpuUsage;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.timeline.TimelineRow;
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
 * {@code service.slowdown} against its closed form. One replica with more slots than are ever
 * busy (no queue), Poisson arrivals λ, service times S drawn independently of the load and
 * multiplied by 1 + b·(k − 1), k the requests in flight when one starts (itself included). An
 * arrival sees the time-average in-flight L (PASTA), so E[k] = 1 + L, the mean latency is
 * W = E[S]·(1 + b·L), and Little's law L = λW gives W = E[S] / (1 − b·λ·E[S]). The simulated L is
 * the mean of the timeline's per-second busy slots (4 h of seconds: about 1 % standard error);
 * W = L / λ must match within 3 %. Without the slowdown W would be E[S], 25–43 % lower.
 */
class SlowdownTheoryTest {
    private static Scenario scenario(double slowdown, double rps, Duration length) {
        Service base = new Service(new ExponentialDistribution(Duration.ofMillis(100)), 64, Duration.ofSeconds(1),
                Duration.ofHours(1), 0, new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT);
        Service slowed = new Service(base.serviceTime(), base.concurrency(), base.maxQueueWait(), base.timeout(), 0, base.startup(),
                0, base.resources(), CpuUsage.fullRequest(1, 64), Routing.CENTRAL, slowdown);
        return TestScenarios.scenario("slowdown", 16L, slowed, new StaticSpec(1), Optional.empty(),
                new Traffic(length, ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, rps)))));
    }

    @ParameterizedTest(name = "b={0}, λ={1}")
    @CsvSource({"0.5, 5", "0.25, 12", "1.0, 4"})
    void meanLatencyMatchesTheFixedPointOfLittlesLaw(double slowdown, double rps) {
        SimulationResult result = Simulator.run(scenario(slowdown, rps, Duration.ofHours(4)));
        double busy = result.timeline().stream().mapToLong(r -> r.replicas().busySlots()).average().orElseThrow();
        double arrivals = result.timeline().stream().mapToLong(TimelineRow::arrivals).average().orElseThrow();
        double simulatedMs = busy / arrivals * 1000;
        double theoryMs = 100 / (1 - slowdown * rps * 0.1);
        System.out.printf(Locale.ROOT, "slowdown b=%.2f λ=%.0f: mean latency %.2f ms (theory %.2f, %+.2f %%; without slowdown 100)%n",
                slowdown, rps, simulatedMs, theoryMs, 100 * (simulatedMs / theoryMs - 1));
        assertEquals(theoryMs, simulatedMs, 0.03 * theoryMs);
        assertEquals(0, result.summary().rejected503());
    }

    @ParameterizedTest(name = "b={0}")
    @CsvSource({"0.5"})
    void theFastEngineRefusesASlowdownItCannotModel(double slowdown) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Simulator.run(scenario(slowdown, 5, Duration.ofMinutes(1)), SimulationEngine.FAST));
        assertEquals(true, e.getMessage().contains("use --engine des"), e.getMessage());
    }
}
