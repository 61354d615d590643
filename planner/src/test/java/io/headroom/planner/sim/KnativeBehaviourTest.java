package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Traffic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The knative policy and its data path inside the simulator: scale to zero after the stable window
 * plus the grace period (knative/serving {@code scaler.go handleScaleToZero}; the derived timeline
 * "60 s + U(0, 2 s tick) + 30 s" of the notes), the activator holding the first request of a cold start
 * until a replica is ready (200 after about one startup, never 503), and 504 at the revision timeout
 * when the startup is longer. The cold-start facts hold on both engines; on the fast one for fluid
 * requests: a second's arrivals are its expected count rounded (1.5 requests show as 2, and 1 rps up to
 * 120 s has its last in second 119), and a wait beyond the queue-proxies' horizon is recorded on the
 * latency grid's geometric tail, bins of (timeout / horizon)^(1/16) (1.32 here), so its latency is
 * checked within 15 % (the discrete-event engine's within 1 %, a timeline histogram's 2 digits).
 */
class KnativeBehaviourTest {
    private static final Duration SERVICE = Duration.ofMillis(100);

    /**
     * Uniform arrivals (a gap of exactly 1 in cumulative rate): 1 rps for {@code before} seconds from 0 (requests at 1 s,
     * 2 s, ... {@code before} s), then one request at {@code at} + 2/3 s (1.5 rps for one second).
     */
    private static Traffic pauseThenOne(int before, int at, int length) {
        return new Traffic(Duration.ofSeconds(length), ArrivalProcess.UNIFORM, new RateProfile(List.of(
                new Segment.Step(Duration.ZERO, before > 0 ? 1 : 0), new Segment.Step(Duration.ofSeconds(Math.max(1, before)), 0),
                new Segment.Step(Duration.ofSeconds(at), 1.5), new Segment.Step(Duration.ofSeconds(at + 1), 0))));
    }

    private static List<TimelineRow> run(KnativeSpec k, Duration startup, Traffic traffic) {
        return run(k, startup, traffic, SimulationEngine.DES);
    }

    private static List<TimelineRow> run(KnativeSpec k, Duration startup, Traffic traffic, SimulationEngine engine) {
        return Simulator.run(KnativeScenarios.scenario("knative", 5, new ConstantDistribution(SERVICE), startup, k, traffic), engine)
                .timeline();
    }

    @ParameterizedTest
    @EnumSource(SimulationEngine.class)
    void readyReplicasReachZeroWithinStableWindowPlusGraceAfterTrafficStops(SimulationEngine engine) {
        KnativeSpec k = KnativeScenarios.spec(0, 10, 1, 1, 211, Duration.ofSeconds(300));
        List<TimelineRow> rows = run(k, Duration.ofSeconds(10), pauseThenOne(120, 100_000, 400), engine);
        int lastArrival = -1;
        int zeroAt = -1;
        for (TimelineRow r : rows) {
            if (r.arrivals() > 0) {
                lastArrival = r.second();
            } else if (lastArrival >= 0 && zeroAt < 0 && r.replicas().ready() == 0) {
                zeroAt = r.second();
            }
        }
        assertEquals(engine == SimulationEngine.DES ? 120 : 119, lastArrival, "the last request is sent at 120 s");
        long sinceTraffic = zeroAt - lastArrival;
        long stablePlusGrace = k.stableWindow().toSeconds() + k.scaleToZeroGracePeriod().toSeconds();
        // the last request's 100 ms stays in the stable window, and each of the two steps waits for a 2 s tick
        assertTrue(sinceTraffic >= stablePlusGrace - 1 && sinceTraffic <= stablePlusGrace + 2 * k.tickInterval().toSeconds() + 1,
                "ready reached 0 " + sinceTraffic + " s after the traffic stopped, stable window + grace = " + stablePlusGrace + " s");
        for (int t = zeroAt; t < rows.size(); t++) {
            assertEquals(0, rows.get(t).replicas().ready(), "stays at zero without traffic: second " + t);
        }
    }

    @ParameterizedTest
    @EnumSource(SimulationEngine.class)
    void theFirstRequestAfterAPauseWaitsAboutOneStartupAndIsAnswered200(SimulationEngine engine) {
        KnativeSpec k = KnativeScenarios.spec(0, 10, 1, 1, 211, Duration.ofSeconds(300));
        Duration startup = Duration.ofSeconds(20);
        List<TimelineRow> rows = run(k, startup, pauseThenOne(30, 300, 400), engine);
        assertEquals(0, rows.get(299).replicas().ready(), "scaled to zero before the request");
        TimelineRow first = rows.get(300);
        assertEquals(engine == SimulationEngine.DES ? 1 : 2, first.arrivals());
        assertEquals(first.arrivals(), first.ok(), "answered 200");
        double expectedMs = startup.toMillis() + SERVICE.toMillis();
        // the decision comes with the request (Poke), so the wait is the startup; a timeline second's histogram keeps
        // 2 significant digits (1 %); the fast engine's tail grid, 15 %
        System.out.printf(java.util.Locale.ROOT, "cold start (%s): p50 %.0f ms, one startup + service %.0f ms%n", engine.id(),
                first.latencyP50Ms(), expectedMs);
        assertEquals(expectedMs, first.latencyP50Ms(), expectedMs * (engine == SimulationEngine.DES ? 0.01 : 0.15),
                "latency = one startup + the service time");
        long rejected = rows.stream().mapToLong(TimelineRow::rejected503).sum();
        assertEquals(0, rejected, "a cold start never answers 503");
    }

    @ParameterizedTest
    @EnumSource(SimulationEngine.class)
    void aStartupLongerThanTheRevisionTimeoutAnswers504AtTheTimeout(SimulationEngine engine) {
        KnativeSpec k = KnativeScenarios.spec(0, 10, 0, 1, 211, Duration.ofSeconds(30));
        List<TimelineRow> rows = run(k, Duration.ofSeconds(45), pauseThenOne(0, 100, 300), engine);
        TimelineRow first = rows.get(100);
        assertEquals(engine == SimulationEngine.DES ? 1 : 2, first.arrivals());
        assertEquals(first.arrivals(), first.timeout504(), "504 when no replica is ready by the timeout");
        assertTrue(rows.get(150).replicas().ready() >= 1, "the cold start still completes");
    }

    /** 100 requests in second 10 (uniform, 100 rps for one second) on one 1-slot replica of 1 s requests. */
    private static io.headroom.planner.timeline.Summary burst(double targetBurstCapacity) {
        KnativeSpec k = KnativeScenarios.spec(1, 1, 1, 1, targetBurstCapacity, Duration.ofSeconds(300));
        Traffic traffic = new Traffic(Duration.ofSeconds(200), ArrivalProcess.UNIFORM, new RateProfile(List.of(
                new Segment.Step(Duration.ZERO, 0), new Segment.Step(Duration.ofSeconds(10), 100), new Segment.Step(Duration.ofSeconds(11), 0))));
        return Simulator.run(KnativeScenarios.scenario("burst", 3, new ConstantDistribution(Duration.ofSeconds(1)), Duration.ZERO, k,
                traffic)).summary();
    }

    @Test
    void outOfThePathTheQueueProxyHoldsTenTimesContainerConcurrencyAndRefusesTheRest() {
        // TBC 0: EBC = floor(1 × 1 − 0 − 0) = 0 >= 0 at the ticks before the burst, so requests go straight to the replica:
        // one is served, its queue-proxy queues 10 × containerConcurrency, the other 89 get 503 (ErrRequestQueueFull)
        io.headroom.planner.timeline.Summary s = burst(0);
        assertEquals(100, s.requests());
        assertEquals(89, s.rejected503());
        assertEquals(11, s.ok());
    }

    @Test
    void inThePathTheActivatorHoldsTheBurstUntilTheSlotFrees() {
        // TBC -1: the activator stays in the path and holds all 100 (its queue takes 10,000); each waits its turn, none is refused
        io.headroom.planner.timeline.Summary s = burst(-1);
        assertEquals(100, s.ok());
        assertEquals(0, s.rejected503() + s.timeout504());
    }

    @Test
    void theSameSeedGivesTheSameRunByteForByte() {
        KnativeSpec k = KnativeScenarios.spec(0, 10, 1, 2, 211, Duration.ofSeconds(30));
        Traffic traffic = TestScenarios.steps(Duration.ofMinutes(6), new double[][] {{0, 3}, {60, 30}, {120, 0}, {250, 5}});
        var a = Simulator.run(KnativeScenarios.scenario("determinism", 17, new ConstantDistribution(SERVICE), Duration.ofSeconds(12), k, traffic));
        var b = Simulator.run(KnativeScenarios.scenario("determinism", 17, new ConstantDistribution(SERVICE), Duration.ofSeconds(12), k, traffic));
        assertEquals(io.headroom.planner.timeline.SummaryJson.toJson(a.summary()), io.headroom.planner.timeline.SummaryJson.toJson(b.summary()));
        assertEquals(a.timeline(), b.timeline());
    }
}
