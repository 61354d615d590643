package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.scenario.Routing;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.timeline.LatencySummary;
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
    /** The fast engine's tolerance on the fixed point: it has no sampling noise; measured +0.3 to +0.5 %, the rounding of busy slots. */
    private static final double FAST_TOLERANCE = 0.01;
    /** The fast engine's latency percentiles: a grid of the service time's quantiles stretched by the step's factor. */
    private static final double LATENCY_TOLERANCE = 0.03;

    private static Scenario scenario(double slowdown, double rps, Duration length) {
        return scenario(slowdown, rps, length, 64);
    }

    private static Scenario scenario(double slowdown, double rps, Duration length, int slots) {
        Service slowed = new Service(new ExponentialDistribution(Duration.ofMillis(100)), slots, Duration.ofSeconds(1),
                Duration.ofHours(1), 0, new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT).withSlowdown(slowdown);
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

    /**
     * The same closed form on the fast engine, whose fluid runs the step's starts at the factor of the mean
     * in-flight (the factor is linear in k, so the mean is exact): its fixed point is the same W. W / E[S]
     * depends on b·λ·E[S] only, so the cases above are taken at 200 times the rate and 1/200 of the
     * slowdown (the same W), on 512 slots: the fluid has no noise and the timeline rounds its busy slots
     * to whole requests, which at L = 0.7 would be 1 (+50 %) and at L = 130 is within 0.4 %.
     */
    @ParameterizedTest(name = "fast: b={0}, λ={1}")
    @CsvSource({"0.0025, 1000", "0.00125, 2400", "0.005, 800"})
    void theFastEngineReachesTheSameFixedPoint(double slowdown, double rps) {
        SimulationResult result = Simulator.run(scenario(slowdown, rps, Duration.ofHours(1), 512), SimulationEngine.FAST);
        double busy = result.timeline().stream().mapToLong(r -> r.replicas().busySlots()).average().orElseThrow();
        double arrivals = result.timeline().stream().mapToLong(TimelineRow::arrivals).average().orElseThrow();
        double simulatedMs = busy / arrivals * 1000;
        double theoryMs = 100 / (1 - slowdown * rps * 0.1);
        System.out.printf(Locale.ROOT, "fast engine, slowdown b=%.5f λ=%.0f: mean latency %.2f ms (theory %.2f, %+.2f %%)%n",
                slowdown, rps, simulatedMs, theoryMs, 100 * (simulatedMs / theoryMs - 1));
        assertEquals(theoryMs, simulatedMs, FAST_TOLERANCE * theoryMs);
        assertEquals(0, result.summary().rejected503());
        // no wait, every request stretched by f = W / E[S]: latency is exponential with mean W, p50 W·ln 2, p99 W·ln 100
        LatencySummary latency = result.summary().latencyMs();
        assertEquals(theoryMs * Math.log(2), latency.p50(), LATENCY_TOLERANCE * theoryMs * Math.log(2), "p50");
        assertEquals(theoryMs * Math.log(100), latency.p99(), LATENCY_TOLERANCE * theoryMs * Math.log(100), "p99");
    }

    /**
     * The latency's spread: each request runs S·(1 + b·N), N the others in flight where it starts. With slots to
     * spare N is the time-average count by PASTA, taken as Poisson with mean L = λW (the M/G/∞ count), so
     * P(T ≤ x) = Σₙ P(N = n)·F_S(x / (1 + b·n)), whose quantiles are found by bisection. One replica of 8
     * slots, lognormal 100 ms with cv 0.2 (the service time alone barely varies), b 0.25, 10 rps for an
     * hour: W = 133.3 ms, L = 1.33, so a request that finds 4 others runs twice as long as one that finds
     * none, and p99 is 2.4 times p50's distance from the mean's. Both engines' p50, p90 and p99 within 4 %
     * (DES: the Poisson count is an approximation, and 36,000 requests; fast: its quantile grid). With
     * the factor of the mean count for every request, the fast engine's p99 was 19 % short.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"DES", "FAST"})
    void latencyPercentilesFollowThePoissonMixtureOfFactors(SimulationEngine engine) {
        double b = 0.25;
        double rps = 10;
        io.headroom.planner.dist.LognormalDistribution serviceTime = new io.headroom.planner.dist.LognormalDistribution(Duration.ofMillis(100), 0.2);
        Service slowed = new Service(serviceTime, 8, Duration.ofSeconds(1), Duration.ofHours(1), 0, new ConstantDistribution(Duration.ZERO), 0,
                Resources.DEFAULT).withSlowdown(b);
        Scenario scenario = TestScenarios.scenario("slowdown spread", 18L, slowed, new StaticSpec(1), Optional.empty(),
                new Traffic(Duration.ofHours(1), ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, rps)))));
        LatencySummary latency = Simulator.run(scenario, engine).summary().latencyMs();
        double w = 0.1 / (1 - b * rps * 0.1);
        org.apache.commons.math3.distribution.PoissonDistribution others = new org.apache.commons.math3.distribution.PoissonDistribution(
                null, rps * w, 1e-12, 10_000);
        org.apache.commons.math3.distribution.NormalDistribution normal = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
        double sigma = Math.sqrt(Math.log1p(0.2 * 0.2));
        double mu = Math.log(0.1) - sigma * sigma / 2;
        java.util.function.DoubleUnaryOperator cdf = x -> {
            double p = 0;
            for (int n = 0; n < 40; n++) {
                p += others.probability(n) * normal.cumulativeProbability((Math.log(x / (1 + b * n)) - mu) / sigma);
            }
            return p;
        };
        double[] levels = {0.5, 0.9, 0.99};
        double[] simulated = {latency.p50(), latency.p90(), latency.p99()};
        for (int i = 0; i < levels.length; i++) {
            double low = 0.01;
            double high = 2;
            for (int k = 0; k < 60; k++) {
                double mid = (low + high) / 2;
                if (cdf.applyAsDouble(mid) < levels[i]) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            double theoryMs = 1000 * (low + high) / 2;
            System.out.printf(Locale.ROOT, "%s slowdown spread p%.0f: %.1f ms (Poisson mixture %.1f, %+.2f %%)%n", engine, 100 * levels[i],
                    simulated[i], theoryMs, 100 * (simulated[i] / theoryMs - 1));
            assertEquals(theoryMs, simulated[i], 0.04 * theoryMs, "p" + Math.round(100 * levels[i]));
        }
    }

    /**
     * Overload: every slot busy, so each request runs E[S]·(1 + b(c − 1)) and a replica serves
     * c / (E[S]·(1 + b(c − 1))) per second (4 slots, b 0.25, 100 ms: 22.86 rps; 4 replicas 91.4 rps),
     * whatever the routing. Offered 150 rps for 10 minutes, the requests answered (not 503) after the
     * first minute must be that capacity within 2 %, on both engines.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"DES, CENTRAL_QUEUE", "FAST, CENTRAL_QUEUE", "DES, RANDOM", "FAST, RANDOM"})
    void aSaturatedReplicaServesItsSlowedCapacity(SimulationEngine engine, Routing.Mode mode) {
        int replicas = 4;
        int slots = 4;
        double b = 0.25;
        Routing routing = mode == Routing.Mode.CENTRAL_QUEUE ? Routing.CENTRAL : new Routing(mode, 10);
        Service slowed = new Service(new ExponentialDistribution(Duration.ofMillis(100)), slots, Duration.ofSeconds(1),
                Duration.ofHours(1), 0, new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT).withRouting(routing).withSlowdown(b);
        Scenario scenario = TestScenarios.scenario("saturated slowdown", 17L, slowed, new StaticSpec(replicas), Optional.empty(),
                new Traffic(Duration.ofMinutes(10), ArrivalProcess.POISSON, new RateProfile(List.of(new Segment.Step(Duration.ZERO, 150)))));
        SimulationResult result = Simulator.run(scenario, engine);
        double served = result.timeline().stream().skip(60).mapToLong(r -> r.arrivals() - r.rejected503()).average().orElseThrow();
        double capacity = replicas * slots / (0.1 * (1 + b * (slots - 1)));
        System.out.printf(Locale.ROOT, "%s %s saturated: %.2f rps served (capacity %.2f, %+.2f %%; without slowdown %.0f)%n",
                engine, mode, served, capacity, 100 * (served / capacity - 1), replicas * slots / 0.1);
        assertEquals(capacity, served, 0.02 * capacity);
    }
}
