package io.headroom.planner.autoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.scenario.AutoscalerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered policy, through the same invariants: within min/max, and deterministic. */
class PolicyContractTest {
    static Stream<AutoscalerSpec> policies() {
        return Stream.of(new StaticSpec(7), AzureMlSpec.DEFAULT,
                new AzureMlSpec(3, 40, 0.5, Duration.ofSeconds(2), Duration.ofSeconds(30)),
                HpaSpec.of(2, 50, new HpaMetric(HpaMetric.Type.CONCURRENCY, 4), java.util.Optional.empty()),
                HpaSpec.of(1, 30, new HpaMetric(HpaMetric.Type.EXTERNAL, 20), java.util.Optional.of(HpaBehavior.DEFAULT)),
                KnativeSpec.defaults(0, 20, 2), KnativeSpec.defaults(3, 12, 2),
                new KnativeSpec(1, 8, 4, 2, 1.5, 0.8, 0, Duration.ofSeconds(30), Duration.ofSeconds(3), 3, 1.5, 1.5, Duration.ofSeconds(20),
                        2, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(60)));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void everyRegisteredPolicyIsCovered(AutoscalerSpec spec) {
        assertTrue(AutoscalerRegistry.names().contains(spec.policy()));
        assertEquals(AutoscalerRegistry.names().size(), policies().map(AutoscalerSpec::policy).distinct().count(),
                "this contract test lists every registered policy");
    }

    @ParameterizedTest
    @MethodSource("policies")
    void decisionsStayWithinMinAndMax(AutoscalerSpec spec) {
        for (int d : decisions(spec, 99)) {
            assertTrue(d >= spec.minReplicas() && d <= spec.maxReplicas(), spec + " decided " + d);
        }
    }

    @ParameterizedTest
    @MethodSource("policies")
    void everyDecisionNamesTheLimitThatBoundIt(AutoscalerSpec spec) {
        AutoscalerPolicy policy = spec.newPolicy();
        SplittableRandom random = new SplittableRandom(3);
        long step = policy.evaluationInterval().toNanos();
        int desired = spec.initialReplicas();
        for (int i = 1; i <= 2000; i++) {
            long load = random.nextInt(0, 200);
            ScalingDecision d = policy.decide(Snapshot.steady(i * step, desired, 0, desired, Math.min(load, 2L * desired),
                    load - Math.min(load, 2L * desired), 2));
            String at = spec + " evaluation " + i + ": " + d;
            switch (d.limit()) {
                case MAX_REPLICAS -> assertTrue(d.desiredReplicas() == spec.maxReplicas() && d.wantedReplicas() >= spec.maxReplicas(), at);
                case MIN_REPLICAS -> assertTrue(d.desiredReplicas() == spec.minReplicas() && d.wantedReplicas() <= spec.minReplicas(), at);
                case STABILIZATION, RATE_LIMIT -> assertTrue(d.desiredReplicas() != d.wantedReplicas(), at);
                case NONE -> assertTrue(d.desiredReplicas() >= spec.minReplicas() && d.desiredReplicas() <= spec.maxReplicas(), at);
                default -> throw new AssertionError(at);
            }
            desired = d.desiredReplicas();
        }
    }

    @ParameterizedTest
    @MethodSource("policies")
    void theSameSnapshotsGiveTheSameDecisions(AutoscalerSpec spec) {
        assertEquals(decisions(spec, 7), decisions(spec, 7));
    }

    /** 2,000 evaluations on a random walk of load, feeding each decision back as the current setting. */
    private static List<Integer> decisions(AutoscalerSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AutoscalerPolicy policy = spec.newPolicy();
        long step = policy.evaluationInterval().toNanos();
        int desired = spec.minReplicas();
        int ready = desired;
        long load = 0;
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            load = Math.max(0, load + random.nextInt(-20, 21));
            long busy = Math.min(load, ready * 2L);
            int decided = policy.decide(Snapshot.steady(i * step, ready, Math.max(0, desired - ready), desired, busy,
                    load - busy, 2)).desiredReplicas();
            out.add(decided);
            desired = decided;
            ready = random.nextBoolean() ? desired : Math.min(ready, desired);
        }
        return out;
    }
}
