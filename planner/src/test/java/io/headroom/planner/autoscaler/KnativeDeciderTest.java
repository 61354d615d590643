package io.headroom.planner.autoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decider against upstream's own unit tests, transcribed from knative/serving
 * {@code pkg/autoscaler/scaling/autoscaler_test.go} (commit 98e5ef90aa7033797aa0a61ef97f3ff7e49a3944),
 * each test named after its upstream function (and table label). Upstream's helper
 * {@code newTestAutoscaler(target, tbc)} is {@link #upstream}: TotalValue = target / 0.75, panic
 * threshold 2, rates 10, stable window 60 s, reachable, one pod ready at creation. Upstream compares
 * the excess burst capacity within ±1 ({@code approxEquateInt32}); so do these. Upstream calls
 * {@code time.Now()} where a test gives no time; here each such call is 1 ms after the previous one.
 * Left out: the metric-export, no-data, pod-count-error and pausing tests (this model always has a
 * metric and a pod count).
 */
class KnativeDeciderTest {
    private static final long SECOND = 1_000_000_000L;
    private static final double TARGET_UTILIZATION = 0.75;
    private static final Duration STABLE = Duration.ofSeconds(60);

    private long clock = 1_000 * SECOND;

    private long now() {
        clock += 1_000_000L;
        return clock;
    }

    static KnativeDecider.Spec spec(double target, double tbc) {
        return new KnativeDecider.Spec(target, target / TARGET_UTILIZATION, tbc, 2, 10, 10, STABLE, Duration.ZERO,
                Duration.ofSeconds(2), 1, true);
    }

    private static KnativeDecider upstream(double target, double tbc) {
        return new KnativeDecider(spec(target, tbc), 0, 1);
    }

    /** Upstream's {@code expectedEBC(totCap, targetBC, recordedConcurrency, numPods)}. */
    private static int ebc(double totCap, double tbc, double recorded, double pods) {
        return (int) Math.floor(totCap / TARGET_UTILIZATION * pods - tbc - recorded);
    }

    private static void expect(KnativeDecider.Result got, int desired, int ebc) {
        assertEquals(desired, got.desiredPodCount(), "desired pod count");
        assertTrue(Math.abs(got.excessBurstCapacity() - ebc) <= 1, "EBC " + got.excessBurstCapacity() + " vs " + ebc);
    }

    private static KnativeDecider.Spec delaySpec(boolean reachable) {
        return new KnativeDecider.Spec(10, 10, 0, 100, 10, 10, Duration.ZERO, Duration.ofMinutes(5), Duration.ofSeconds(2), 1,
                reachable);
    }

    @Test
    void testAutoscalerScaleDownDelaySimpleAndGradual() {
        KnativeDecider a = new KnativeDecider(delaySpec(true), 0, 0);
        assertEquals(4, a.scale(2 * SECOND, 0, 40, 40).desiredPodCount());
        assertEquals(4, a.scale(300 * SECOND, 0, 0, 0).desiredPodCount(), "five minutes at reduced concurrency: not yet");
        assertEquals(0, a.scale(302 * SECOND, 0, 0, 0).desiredPodCount(), "five minutes and 2 s: now");
        // "gradual", on the same autoscaler
        assertEquals(4, a.scale(540 * SECOND, 0, 40, 40).desiredPodCount());
        assertEquals(4, a.scale(600 * SECOND, 0, 30, 30).desiredPodCount(), "4 still dominates");
        assertEquals(4, a.scale(660 * SECOND, 0, 0, 0).desiredPodCount(), "still at 4");
        assertEquals(3, a.scale(840 * SECOND, 0, 0, 0).desiredPodCount(), "4 scrolls out, drop to 3");
        assertEquals(0, a.scale(900 * SECOND, 0, 0, 0).desiredPodCount(), "everything scrolled out, drop to 0");
    }

    @Test
    void testAutoscalerScaleDownDelayNotReachable() {
        KnativeDecider a = new KnativeDecider(delaySpec(true), 0, 0);
        assertEquals(4, a.scale(2 * SECOND, 0, 40, 40).desiredPodCount());
        assertEquals(4, a.scale(60 * SECOND, 0, 0, 0).desiredPodCount());
        assertEquals(0, a.scale(delaySpec(false), 2 * SECOND, 0, 0, 0).desiredPodCount());
    }

    @Test
    void testAutoscalerScaleDownDelayZero() {
        KnativeDecider.Spec s = new KnativeDecider.Spec(10, 10, 0, 100, 10, 10, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2),
                1, false);
        KnativeDecider a = new KnativeDecider(s, 0, 0);
        assertEquals(4, a.scale(0, 0, 40, 40).desiredPodCount());
        assertEquals(2, a.scale(500_000_000L, 0, 20, 20).desiredPodCount());
    }

    @Test
    void testAutoscalerMetrics() {
        expect(upstream(10, 100).scale(now(), 1, 50, 50), 5, ebc(10, 100, 50, 1));
    }

    @Test
    void testAutoscalerStableModeIncreaseWithConcurrencyDefault() {
        KnativeDecider a = upstream(10, 101);
        expect(a.scale(now(), 1, 50, 10), 5, ebc(10, 101, 10, 1));
        expect(a.scale(now(), 1, 100, 10), 10, ebc(10, 101, 10, 1));
    }

    @Test
    void testAutoscalerUnpanicAfterSlowIncrease() {
        KnativeDecider a = upstream(1, 98);
        long start = now();
        expect(a.scale(start, 10, 11, 25), 25, ebc(1, 98, 25, 10));
        assertEquals(start, a.panicTimeNanos());
        long tm = start + 30 * SECOND;
        expect(a.scale(tm, 40, 30, 41), 41, ebc(1, 98, 41, 40));
        assertEquals(start, a.panicTimeNanos(), "panic time should not have moved");
        tm += 30 * SECOND + 2 * SECOND;
        expect(a.scale(tm, 55, 50, 56), 50, ebc(1, 98, 56, 55));
        assertFalse(a.inPanic());
    }

    @Test
    void testAutoscalerExtendPanicWindow() {
        KnativeDecider a = upstream(1, 98);
        long start = now();
        expect(a.scale(start, 10, 11, 25), 25, ebc(1, 98, 25, 10));
        long tm = start + 30 * SECOND;
        expect(a.scale(tm, 40, 30, 80), 80, ebc(1, 98, 80, 40));
        assertEquals(tm, a.panicTimeNanos());
    }

    @Test
    void testAutoscalerStableModeDecrease() {
        KnativeDecider a = upstream(10, 98);
        expect(a.scale(now(), 8, 100, 100), 10, ebc(10, 98, 100, 8));
        expect(a.scale(now(), 8, 50, 50), 5, ebc(10, 98, 50, 8));
    }

    @Test
    void testAutoscalerStableModeNoTrafficScaleToZero() {
        KnativeDecider a = upstream(10, 75);
        expect(a.scale(now(), 1, 1, 0), 1, ebc(10, 75, 0, 1));
        expect(a.scale(now(), 1, 0, 0), 0, ebc(10, 75, 0, 1));
    }

    @Test
    void testAutoscalerActivationScale() {
        KnativeDecider.Spec s = spec(10, 75);
        KnativeDecider.Spec activation = new KnativeDecider.Spec(s.targetValue(), s.totalValue(), s.targetBurstCapacity(),
                s.panicThreshold(), s.maxScaleUpRate(), s.maxScaleDownRate(), s.stableWindow(), s.scaleDownDelay(), s.granularity(), 2,
                true);
        KnativeDecider a = new KnativeDecider(activation, 0, 1);
        expect(a.scale(now(), 1, 0, 0), 0, ebc(10, 75, 0, 1));
        expect(a.scale(now(), 1, 1, 0), 2, ebc(10, 75, 0, 1));
    }

    @Test
    void testAutoscalerPanicModeExponentialTrackAndStabilize() {
        KnativeDecider a = upstream(1, 101);
        expect(a.scale(now(), 1, 6, 6), 6, ebc(1, 101, 6, 1));
        long tm = now();
        expect(a.scale(tm, 6, 36, 36), 36, ebc(1, 101, 36, 6));
        assertEquals(tm, a.panicTimeNanos());
        tm += SECOND;
        expect(a.scale(tm, 36, 216, 216), 216, ebc(1, 101, 216, 36));
        assertEquals(tm, a.panicTimeNanos());
        expect(a.scale(tm, 216, 1296, 1296), 1296, ebc(1, 101, 1296, 216));
        assertEquals(tm, a.panicTimeNanos());
        tm += SECOND;
        expect(a.scale(tm, 1296, 1296, 1296), 1296, ebc(1, 101, 1296, 1296));
    }

    /** TestAutoscalerScale's table: label, target, TBC, stable, panic, ready, prep, want scale, want EBC. */
    @ParameterizedTest(name = "TestAutoscalerScale/{0}")
    @MethodSource("scaleTable")
    void testAutoscalerScale(String label, double target, double tbc, double stable, double panic, int ready, String prep,
            int wantScale, int wantEbc) {
        KnativeDecider.Spec s = spec(target, tbc);
        KnativeDecider a = upstream(target, tbc);
        long t = now();
        switch (prep) {
            case "panic5" -> a.panicSince(t - 5 * SECOND, 5);
            case "up1.1" -> s = new KnativeDecider.Spec(target, target / 0.75, tbc, 2, 1.1, 10, STABLE, Duration.ZERO,
                    Duration.ofSeconds(2), 1, true);
            case "down1.1" -> s = new KnativeDecider.Spec(target, target / 0.75, tbc, 2, 10, 1.1, STABLE, Duration.ZERO,
                    Duration.ofSeconds(2), 1, true);
            case "down1.1unreachable" -> s = new KnativeDecider.Spec(target, target / 0.75, tbc, 2, 10, 1.1, STABLE, Duration.ZERO,
                    Duration.ofSeconds(2), 1, false);
            default -> {
            }
        }
        expect(a.scale(s, t, ready, stable, panic), wantScale, wantEbc);
    }

    static Stream<Arguments> scaleTable() {
        return Stream.of(
                Arguments.of("AutoscalerNoDataAtZeroNoAutoscale", 10, 100, 0, 0, 1, "", 0, ebc(10, 100, 0, 1)),
                Arguments.of("AutoscalerStableModeUnlimitedTBC", 181, -1, 21, 26, 1, "", 1, -1),
                Arguments.of("Autoscaler0TBC", 10, 0, 50, 49, 1, "", 5, 0),
                Arguments.of("AutoscalerStableModeNoChange", 10, 100, 50, 50, 1, "", 5, ebc(10, 100, 50, 1)),
                Arguments.of("AutoscalerPanicStableLargerThanPanic", 1, 100, 50, 30, 5, "panic5", 50, ebc(1, 100, 30, 5)),
                Arguments.of("AutoscalerPanicStableLessThanPanic", 1, 100, 20, 30, 5, "panic5", 30, ebc(1, 100, 30, 5)),
                Arguments.of("AutoscalerStableModeNoChangeAlreadyScaled", 10, 100, 50, 50, 5, "", 5, ebc(10, 100, 50, 5)),
                Arguments.of("AutoscalerStableModeIncreaseWithSmallScaleUpRate", 1, 1982, 3, 3.1, 2, "up1.1", 3, ebc(1, 1982, 3.1, 2)),
                Arguments.of("AutoscalerStableModeDecreaseWithSmallScaleDownRate", 10, 1982, 1, 1, 100, "down1.1", 90,
                        ebc(10, 1982, 1, 100)),
                Arguments.of("AutoscalerStableModeDecreaseNonReachable", 10, 1982, 1, 1, 100, "down1.1unreachable", 1,
                        ebc(10, 1982, 1, 100)),
                Arguments.of("AutoscalerPanicModeDoublePodCount", 10, 84, 50, 100, 1, "", 10, ebc(10, 84, 100, 1)));
    }

    @Test
    void testAutoscalerPanicThenUnPanicScaleDown() {
        KnativeDecider a = upstream(10, 93);
        expect(a.scale(now(), 1, 100, 100), 10, ebc(10, 93, 100, 1));
        long panicTime = now();
        expect(a.scale(panicTime, 10, 100, 1000), 100, ebc(10, 93, 1000, 10));
        expect(a.scale(panicTime + 30 * SECOND, 10, 1, 1), 100, ebc(10, 93, 1, 10));
        expect(a.scale(panicTime + 61 * SECOND, 10, 1, 1), 1, ebc(10, 93, 1, 10));
    }

    @Test
    void testAutoscalerRateLimitScaleUp() {
        KnativeDecider a = upstream(10, 61);
        expect(a.scale(now(), 1, 1000, 1001), 10, ebc(10, 61, 1001, 1));
        expect(a.scale(now(), 10, 1000, 1001), 100, ebc(10, 61, 1001, 10));
    }

    @Test
    void testAutoscalerRateLimitScaleDown() {
        KnativeDecider a = upstream(10, 61);
        expect(a.scale(now(), 100, 1, 1), 10, ebc(10, 61, 1, 100));
        expect(a.scale(now(), 10, 1, 1), 1, ebc(10, 61, 1, 10));
    }

    @Test
    void testAutoscalerUseOnePodAsMinimumIfEndpointsNotFound() {
        expect(upstream(10, 81).scale(now(), 0, 1000, 888), 10, ebc(10, 81, 888, 0));
    }

    @Test
    void testAutoscalerUpdateTarget() {
        KnativeDecider a = upstream(10, 77);
        expect(a.scale(now(), 1, 100, 101), 10, ebc(10, 77, 101, 1));
        KnativeDecider.Spec updated = new KnativeDecider.Spec(1, 1 / TARGET_UTILIZATION, 71, 2, 10, 10, STABLE, Duration.ZERO,
                Duration.ofSeconds(2), 1, true);
        expect(a.scale(updated, now(), 10, 100, 101), 100, ebc(1, 71, 101, 10));
    }

    @Test
    void testStartInPanicMode() {
        KnativeDecider.Spec s = new KnativeDecider.Spec(100, 120, 11, 220, 10, 10, STABLE, Duration.ZERO, Duration.ofSeconds(2), 1,
                true);
        for (int ready = 0; ready < 2; ready++) {
            assertFalse(new KnativeDecider(s, 0, ready).inPanic(), "created at scale " + ready);
        }
        assertTrue(new KnativeDecider(s, 0, 2).inPanic(), "created at scale 2");
    }
}
