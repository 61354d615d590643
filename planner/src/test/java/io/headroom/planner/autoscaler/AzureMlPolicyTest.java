package io.headroom.planner.autoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The azureml rule on hand-made snapshots: eager proportional scale-up, scale-down only after the delay, to the delay's mean need. */
class AzureMlPolicyTest {
    private static final long SECOND = 1_000_000_000L;
    private final AzureMlSpec spec = new AzureMlSpec(1, 20, 0.7, Duration.ofSeconds(1), Duration.ofSeconds(60));

    private static Snapshot at(long second, int ready, int desired, long busy, long queued) {
        return Snapshot.steady(second * SECOND, ready, desired - ready, desired, busy, queued, 1);
    }

    /** A snapshot at {@code second} whose window holds the per-second means of {@code bySecond} before it. */
    private static Snapshot at(int second, int ready, double[] bySecond) {
        double[] ends = new double[bySecond.length];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = i + 1;
        }
        return new Snapshot(second * SECOND, ready, 0, 0, 0, ready, 0, 0, 1, new SeriesWindow(ends, bySecond).at(second - 1, ready));
    }

    @Test
    void scaleUpIsImmediateAndProportional() {
        AutoscalerPolicy p = spec.newPolicy();
        // 10 ready, 10 busy + 4 queued: utilization 1.4; ceil(14 / 0.7) = 20.
        ScalingDecision d = p.decide(at(1, 10, 10, 10, 4));
        assertEquals(20, d.desiredReplicas());
        assertEquals(ScalingLimit.NONE, d.limit());
    }

    @Test
    void scaleUpIsClampedToMaxAndSaysSo() {
        ScalingDecision d = spec.newPolicy().decide(at(1, 10, 10, 10, 20));
        assertEquals(20, d.desiredReplicas());
        assertEquals(43, d.wantedReplicas(), "ceil(30 / 0.7) = 43");
        assertTrue(d.limitedByMax(), "43 > 20");
    }

    @Test
    void utilizationIsTheMeanOverTheRefreshIntervalNotTheInstant() {
        // 2 s refresh: in-flight 14 in the last second, 0 the one before: mean 7 over 10 ready = 0.7, not above target.
        AzureMlSpec slow = new AzureMlSpec(1, 20, 0.7, Duration.ofSeconds(2), Duration.ofSeconds(60));
        double[] series = {0, 0, 0, 14};
        ScalingDecision d = slow.newPolicy().decide(at(4, 10, series));
        assertEquals(10, d.desiredReplicas(), "mean 7 of 10 slots is the target, not above it: no scale-up");
        assertEquals(ScalingLimit.STABILIZATION, d.limit(), "the 4 s so far (mean 3.5) ask for 5, which waits out the delay");
    }

    @Test
    void aBusyStartingDeploymentIsNotCapped() {
        // 5 ready, 25 starting, desired 30 = max; the need ceil(10 / 0.7) = 15 is below the cap: nothing limits.
        AzureMlSpec capped = new AzureMlSpec(1, 30, 0.7, Duration.ofSeconds(1), Duration.ofSeconds(60));
        ScalingDecision d = capped.newPolicy().decide(at(1, 5, 30, 5, 5));
        assertEquals(30, d.desiredReplicas());
        assertEquals(ScalingLimit.NONE, d.limit());
    }

    @Test
    void scaleDownWaitsOneDelayAfterTheLastChange() {
        AutoscalerPolicy p = spec.newPolicy();
        // At second 5, 10 busy on 10 ready: ceil(10 / 0.7) = 15. From second 6 on, 2 busy of 15: nothing changes for 60 s.
        assertEquals(15, p.decide(at(5, 10, 10, 10, 0)).desiredReplicas());
        for (long t = 6; t < 65; t++) {
            ScalingDecision d = p.decide(at(t, 15, 15, 2, 0));
            assertEquals(15, d.desiredReplicas(), "second " + t);
            assertEquals(ScalingLimit.STABILIZATION, d.limit(), "second " + t);
        }
        assertEquals(3, p.decide(at(65, 15, 15, 2, 0)).desiredReplicas(), "ceil(2 / 0.7) = 3 one delay after the change");
    }

    @Test
    void scaleDownGoesToTheMeanNeedOverTheDelayNotItsPeakInstant() {
        AutoscalerPolicy p = spec.newPolicy();
        // 2 in flight every second, but 9.1 in second 30 (still below target: 9.1 / 15 = 0.61). Mean over 60 s = 2.1185.
        double[] series = new double[70];
        Arrays.fill(series, 2);
        series[30] = 9.1;
        for (int t = 1; t < 60; t++) {
            assertEquals(15, p.decide(at(t, 15, series)).desiredReplicas(), "second " + t);
        }
        // ceil((59 x 2 + 9.1) / 60 / 0.7) = ceil(3.03) = 4, not the peak's ceil(9.1 / 0.7) = 13.
        assertEquals(4, p.decide(at(60, 15, series)).desiredReplicas());
    }

    @Test
    void aScaleUpRestartsTheScaleDownDelay() {
        AutoscalerPolicy p = spec.newPolicy();
        for (long t = 1; t < 40; t++) {
            p.decide(at(t, 10, 10, 2, 0));
        }
        // 10 ready, 12 busy: above target, ceil(12 / 0.7) = 18.
        assertEquals(18, p.decide(at(40, 10, 10, 12, 0)).desiredReplicas());
        for (long t = 41; t < 100; t++) {
            assertEquals(18, p.decide(at(t, 18, 18, 2, 0)).desiredReplicas(), "second " + t);
        }
        assertEquals(3, p.decide(at(100, 18, 18, 2, 0)).desiredReplicas());
    }

    @Test
    void noScaleDownWhileTheReadyReplicasAreOverloaded() {
        // 46 asked for, 10 ready and saturated: the need over the delay (30 in flight → 43) is below 46, but
        // utilization over the delay is 3.0: scaling down would shed replicas that are still starting for a reason.
        AutoscalerPolicy p = new AzureMlSpec(1, 100, 0.7, Duration.ofSeconds(1), Duration.ofSeconds(60)).newPolicy();
        ScalingDecision d = p.decide(at(120, 10, 46, 10, 20));
        assertEquals(46, d.desiredReplicas());
        assertEquals(ScalingLimit.NONE, d.limit());
    }

    @Test
    void minReplicasIsTheFloorAndSaysSo() {
        AutoscalerPolicy p = new AzureMlSpec(4, 20, 0.7, Duration.ofSeconds(1), Duration.ZERO).newPolicy();
        ScalingDecision d = p.decide(at(1, 10, 10, 0, 0));
        assertEquals(4, d.desiredReplicas());
        assertFalse(d.limitedByMax());
        assertEquals(ScalingLimit.MIN_REPLICAS, d.limit());
    }
}
