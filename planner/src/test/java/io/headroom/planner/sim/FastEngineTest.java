package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.HpaBehavior;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.queueing.ErlangB;
import io.headroom.planner.queueing.MaxWaitQueue;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.TimelineRow;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fast engine against queueing theory in steady state, and its contract (determinism, engine name, step). */
class FastEngineTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void steadyStaticDeploymentRejectsTheMmcdShare() {
        // 20 servers, 18 Erlangs of exponential 1 s requests, 500 ms max wait: Boots & Tijms's M/M/c+D
        Scenario s = TestScenarios.mmc(20, 18, Duration.ofSeconds(1), Duration.ofMillis(500), HOUR, 1);
        SimulationResult r = Simulator.run(s, SimulationEngine.FAST);
        double expected = MaxWaitQueue.solve(20, 18, 1, 0.5, 1).rejectionFraction();
        // the first seconds fill an empty system (fewer rejections): within 2 % relative over the hour
        assertEquals(expected, r.summary().rejected503Fraction(), 0.02 * expected);
    }

    @Test
    void zeroMaxWaitRejectsTheErlangBShare() {
        Scenario s = TestScenarios.mmc(30, 25, Duration.ofSeconds(1), Duration.ZERO, HOUR, 1);
        double expected = ErlangB.blocking(30, 25);
        assertEquals(expected, Simulator.run(s, SimulationEngine.FAST).summary().rejected503Fraction(), 0.02 * expected);
    }

    @Test
    void steadyBusySlotsAreTheCarriedLoad() {
        Scenario s = TestScenarios.mmc(20, 15, Duration.ofSeconds(2), Duration.ofMillis(500), HOUR, 1);
        List<TimelineRow> rows = Simulator.run(s, SimulationEngine.FAST).timeline();
        double carried = 15 * (1 - MaxWaitQueue.solve(20, 7.5, 2, 0.5, 1).rejectionFraction());
        double mean = rows.subList(600, rows.size()).stream().mapToLong(t -> t.replicas().busySlots()).average().orElseThrow();
        // busy slots are sampled rounded to whole requests: within 0.5
        assertEquals(carried, mean, 0.5);
    }

    @Test
    void hpaOnCpuSeesEverySlotBusyUnderOverloadAsInDes() {
        // 10 one-slot replicas, exponential 1 s requests: 1 rps until 400 s, then 30 rps (3x capacity). At the
        // sync at 420 s HPA's 15 s window lies wholly in overload, where a central queue keeps every slot busy:
        // utilization 1, so desired = ceil(10 x 1 / 0.5) = 20 (the default behavior allows doubling).
        HpaSpec spec = HpaSpec.of(10, 60, new HpaMetric(HpaMetric.Type.CPU, 0.5), Optional.of(HpaBehavior.DEFAULT));
        Scenario s = TestScenarios.scenario("hpa cpu overload", 3, TestScenarios.service(new ExponentialDistribution(Duration.ofSeconds(1)),
                Duration.ofMillis(500), Duration.ofSeconds(60)), spec, Optional.empty(),
                TestScenarios.steps(Duration.ofSeconds(430), new double[][] {{0, 1}, {400, 30}}));
        for (SimulationEngine engine : SimulationEngine.values()) {
            List<TimelineRow> rows = Simulator.run(s, engine).timeline();
            assertEquals(10, rows.get(418).replicas().desired(), engine + ": before the sync at 420 s");
            assertEquals(20, rows.get(419).replicas().desired(), engine + ": after the sync at 420 s");
        }
    }

    @Test
    void overloadRejectsTheFluidExcess() {
        // a static 10 replicas at 40 Erlangs: three quarters of the requests cannot be served
        Scenario s = TestScenarios.mmc(10, 40, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMinutes(10), 1);
        assertEquals(0.75, Simulator.run(s, SimulationEngine.FAST).summary().rejected503Fraction(), 0.01);
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedOtherBytes() throws IOException {
        Scenario s = EngineSuite.crashLooping();
        assertEquals(bytes(Simulator.run(s, SimulationEngine.FAST)), bytes(Simulator.run(s, SimulationEngine.FAST)));
        assertNotEquals(bytes(Simulator.run(s, SimulationEngine.FAST)), bytes(Simulator.run(s.withSeed(99), SimulationEngine.FAST)));
    }

    @Test
    void perReplicaRoutingAndKnativeRun() {
        Scenario central = TestScenarios.mmc(5, 2, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMinutes(1), 1);
        for (Routing.Mode mode : List.of(Routing.Mode.ROUND_ROBIN, Routing.Mode.RANDOM, Routing.Mode.LEAST_IN_FLIGHT)) {
            Scenario balanced = new Scenario(central.name(), central.seed(), central.service().withRouting(new Routing(mode, 10)),
                    central.autoscaler(), central.cluster(), central.traffic(), central.slo(), central.cost(), central.source());
            assertEquals(60, Simulator.run(balanced, SimulationEngine.FAST).timeline().size(), mode.key());
        }
        Scenario knative = KnativeScenarios.scenario("knative", 1, new ExponentialDistribution(Duration.ofSeconds(1)), Duration.ofSeconds(5),
                KnativeScenarios.spec(0, 10, 1, 1, 0, Duration.ofSeconds(60)), central.traffic());
        SimulationResult fast = Simulator.run(knative, SimulationEngine.FAST);
        assertEquals(60, fast.timeline().size());
        assertEquals("fast", fast.summary().engine());
    }

    @Test
    void summariesNameTheirEngine() {
        Scenario s = TestScenarios.mmc(5, 2, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMinutes(1), 1);
        assertEquals("fast", Simulator.run(s, SimulationEngine.FAST).summary().engine());
        assertEquals("des", Simulator.run(s, SimulationEngine.DES).summary().engine());
        assertEquals("des", Simulator.run(s).summary().engine());
    }

    @Test
    void stepIsAtMostAFifthOfTheServiceTimeAndDividesTheTick() {
        assertEquals(100_000_000L, FastEngine.stepNanos(1.0, 1_000_000_000L));
        assertEquals(25_000_000L, FastEngine.stepNanos(0.2, 1_000_000_000L));
        assertEquals(50_000_000L, FastEngine.stepNanos(1.0, 1_050_000_000L));
        assertEquals(1_000_000L, FastEngine.stepNanos(0.001, 1_000_000_000L));
    }

    @Test
    void latencyPercentilesOfAnIdleStaticDeploymentAreTheServiceTimes() {
        // constant 400 ms service and almost no waiting: every latency percentile is 400 ms
        Scenario s = TestScenarios.scenario("idle", 1, TestScenarios.service(new ConstantDistribution(Duration.ofMillis(400)),
                Duration.ofMillis(500), Duration.ZERO), new StaticSpec(50), Optional.empty(),
                TestScenarios.steps(Duration.ofMinutes(5), new double[][] {{0, 5}}));
        var latency = Simulator.run(s, SimulationEngine.FAST).summary().latencyMs();
        assertEquals(400, latency.p50(), 1);
        assertEquals(400, latency.p99(), 1);
    }

    @Test
    void exponentialServiceP99IsItsQuantileWhenNobodyWaits() {
        Scenario s = TestScenarios.scenario("idle", 1, TestScenarios.service(new ExponentialDistribution(Duration.ofSeconds(1)),
                Duration.ofMillis(500), Duration.ZERO), new StaticSpec(100), Optional.empty(),
                TestScenarios.steps(Duration.ofMinutes(5), new double[][] {{0, 5}}));
        var latency = Simulator.run(s, SimulationEngine.FAST).summary().latencyMs();
        // −ln(0.01) s = 4.605 s; the representative points are sample quantiles of 65,536 draws: within 3 %
        assertEquals(4605, latency.p99(), 0.03 * 4605);
        assertEquals(693, latency.p50(), 0.03 * 693);
    }

    private static String bytes(SimulationResult r) throws IOException {
        StringWriter csv = new StringWriter();
        TimelineCsv.write(r.timeline(), csv);
        return SummaryJson.toJson(r.summary()) + csv;
    }
}
