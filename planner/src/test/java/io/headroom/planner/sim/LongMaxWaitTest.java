package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A max wait of half an hour: 90,000 steps of 20 ms, whose queue content by age once took 65 GB in the fast
 * engine (an OutOfMemoryError). One replica of 8 slots of 100 ms requests, 80 per second, offered 100 per
 * second for 2 minutes: the queue grows by 20 a second and no request waits anywhere near 30 minutes, so
 * none gets 503 (in the fast engine the queue's fill, K = cμD = 144,000, keeps the stationary share, which
 * at ρ 1.25 would refuse a fifth, from applying): every request is answered, on both engines, and waits as the queue
 * grown so far says (in the fast engine the stationary waits, those of the full queue, scaled by the fill's mean).
 */
class LongMaxWaitTest {
    @ParameterizedTest
    @EnumSource(SimulationEngine.class)
    void aHalfHourMaxWaitRunsInBoundedMemoryAndRefusesNothingInTwoMinutes(SimulationEngine engine) {
        Service service = new Service(new ExponentialDistribution(Duration.ofMillis(100)), 8, Duration.ofMinutes(30), Duration.ofHours(1), 0,
                new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT);
        Scenario scenario = TestScenarios.scenario("long max wait", 9L, service, new StaticSpec(1), Optional.empty(),
                new Traffic(Duration.ofMinutes(2), ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, 100)))));
        Summary summary = Simulator.run(scenario, engine).summary();
        assertEquals(0, summary.rejected503(), "nothing waited 30 minutes");
        System.out.printf(java.util.Locale.ROOT, "%s, 30 min max wait: %d requests, %d ok, %d 503, mean wait %.1f s%n", engine,
                summary.requests(), summary.ok(), summary.rejected503(), summary.meanQueueWaitMs() / 1000);
        assertEquals(summary.requests(), summary.ok(), "every request answered");
        // the queue grows by λ − cμ = 20 a second, so a request at t waits 20t/cμ = t/4: 15 s on average over 2 minutes
        // (DES 14.1 s, fast 16.3 s; before the waits followed the queue's fill the fast engine read the full queue's 1,798 s)
        assertEquals(15, summary.meanQueueWaitMs() / 1000, 0.20 * 15, "mean wait");
    }
}
