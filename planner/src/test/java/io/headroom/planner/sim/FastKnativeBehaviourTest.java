package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.timeline.TimelineRow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast engine's Knative cold start and scale to zero, on {@link KnativeBehaviourTest}'s traffic (its
 * {@code pauseThenOne}): the same facts the discrete-event engine is held to, for fluid requests — a second's
 * arrivals are its expected count rounded (1.5 requests show as 2), and a wait beyond the queue-proxies' horizon
 * is recorded on the latency grid's geometric tail, bins of (timeout / horizon)^(1/16) (1.32 here), so latency
 * is checked within 15 %.
 */
class FastKnativeBehaviourTest {
    private static final Duration SERVICE = Duration.ofMillis(100);

    private static List<TimelineRow> run(KnativeSpec k, Duration startup, io.headroom.planner.traffic.Traffic traffic) {
        return Simulator.run(KnativeScenarios.scenario("knative", 5, new ConstantDistribution(SERVICE), startup, k, traffic),
                SimulationEngine.FAST).timeline();
    }

    @Test
    void readyReplicasReachZeroWithinStableWindowPlusGraceAfterTrafficStops() {
        KnativeSpec k = KnativeScenarios.spec(0, 10, 1, 1, 211, Duration.ofSeconds(300));
        List<TimelineRow> rows = run(k, Duration.ofSeconds(10), KnativeBehaviourTest.pauseThenOne(120, 100_000, 400));
        int lastArrival = -1;
        int zeroAt = -1;
        for (TimelineRow r : rows) {
            if (r.arrivals() > 0) {
                lastArrival = r.second();
            } else if (lastArrival >= 0 && zeroAt < 0 && r.replicas().ready() == 0) {
                zeroAt = r.second();
            }
        }
        long sinceTraffic = zeroAt - lastArrival;
        long stablePlusGrace = k.stableWindow().toSeconds() + k.scaleToZeroGracePeriod().toSeconds();
        assertTrue(lastArrival >= 119 && lastArrival <= 120, "the last requests arrive by 120 s: " + lastArrival);
        assertTrue(sinceTraffic >= stablePlusGrace - 1 && sinceTraffic <= stablePlusGrace + 2 * k.tickInterval().toSeconds() + 1,
                "ready reached 0 " + sinceTraffic + " s after the traffic stopped, stable window + grace = " + stablePlusGrace + " s");
        for (int t = zeroAt; t < rows.size(); t++) {
            assertEquals(0, rows.get(t).replicas().ready(), "stays at zero without traffic: second " + t);
        }
    }

    @Test
    void theFirstRequestsAfterAPauseWaitAboutOneStartupAndAreAnswered200() {
        KnativeSpec k = KnativeScenarios.spec(0, 10, 1, 1, 211, Duration.ofSeconds(300));
        Duration startup = Duration.ofSeconds(20);
        List<TimelineRow> rows = run(k, startup, KnativeBehaviourTest.pauseThenOne(30, 300, 400));
        assertEquals(0, rows.get(299).replicas().ready(), "scaled to zero before the request");
        TimelineRow first = rows.get(300);
        assertTrue(first.arrivals() > 0);
        assertEquals(first.arrivals(), first.ok(), "answered 200");
        double expectedMs = startup.toMillis() + SERVICE.toMillis();
        // the poke comes with the first request's worth held, so the wait is about one startup
        System.out.printf(java.util.Locale.ROOT, "fast cold start: %d requests, p50 %.0f ms (one startup + service: %.0f ms)%n",
                first.arrivals(), first.latencyP50Ms(), expectedMs);
        assertEquals(expectedMs, first.latencyP50Ms(), expectedMs * 0.15, "latency = one startup + the service time");
        assertEquals(0, rows.stream().mapToLong(TimelineRow::rejected503).sum(), "a cold start never answers 503");
    }

    @Test
    void aStartupLongerThanTheRevisionTimeoutAnswers504AtTheTimeout() {
        KnativeSpec k = KnativeScenarios.spec(0, 10, 0, 1, 211, Duration.ofSeconds(30));
        List<TimelineRow> rows = run(k, Duration.ofSeconds(45), KnativeBehaviourTest.pauseThenOne(0, 100, 300));
        TimelineRow first = rows.get(100);
        assertTrue(first.arrivals() > 0);
        assertEquals(first.arrivals(), first.timeout504(), "504 when no replica is ready by the timeout");
        assertTrue(rows.get(150).replicas().ready() >= 1, "the cold start still completes");
    }
}
