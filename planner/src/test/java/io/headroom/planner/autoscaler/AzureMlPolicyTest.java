package io.headroom.planner.autoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The azureml rule on hand-made snapshots: eager proportional scale-up, scale-down only after the delay. */
class AzureMlPolicyTest {
    private static final long SECOND = 1_000_000_000L;
    private final AzureMlSpec spec = new AzureMlSpec(1, 20, 0.7, Duration.ofSeconds(1), Duration.ofSeconds(60));

    private static Snapshot at(long second, int ready, int desired, long busy, long queued) {
        return new Snapshot(second * SECOND, ready, desired - ready, desired, busy, queued, 1);
    }

    @Test
    void scaleUpIsImmediateAndProportional() {
        AutoscalerPolicy p = spec.newPolicy();
        // 10 ready, 10 busy + 4 queued: utilization 1.4; ceil(14 / 0.7) = 20.
        assertEquals(20, p.decide(at(1, 10, 10, 10, 4)).desiredReplicas());
    }

    @Test
    void scaleUpIsClampedToMaxAndSaysSo() {
        ScalingDecision d = spec.newPolicy().decide(at(1, 10, 10, 10, 20));
        assertEquals(20, d.desiredReplicas());
        assertTrue(d.limitedByMax(), "ceil(30 / 0.7) = 43 > 20");
    }

    @Test
    void scaleDownWaitsForTheScaleDownDelay() {
        AutoscalerPolicy p = spec.newPolicy();
        // Below target (2 busy of 15) from second 6 on: nothing changes until 60 s have passed.
        for (long t = 6; t < 66; t++) {
            ScalingDecision d = p.decide(at(t, 15, 15, 2, 0));
            assertEquals(15, d.desiredReplicas(), "second " + t);
        }
        assertEquals(3, p.decide(at(66, 15, 15, 2, 0)).desiredReplicas(), "ceil(2 / 0.7) = 3 once the delay passed");
    }

    @Test
    void scaleDownGoesToTheHighestNeedSeenDuringTheDelay() {
        AutoscalerPolicy p = spec.newPolicy();
        // Mostly 2 busy of 15, but 7 busy at second 30 (still below target: 7 / 15 = 0.47).
        for (long t = 6; t < 66; t++) {
            p.decide(at(t, 15, 15, t == 30 ? 7 : 2, 0));
        }
        assertEquals(10, p.decide(at(66, 15, 15, 2, 0)).desiredReplicas(), "ceil(7 / 0.7) = 10, not ceil(2 / 0.7) = 3");
    }

    @Test
    void aMomentAboveTargetRestartsTheScaleDownDelay() {
        AutoscalerPolicy p = spec.newPolicy();
        for (long t = 1; t < 40; t++) {
            p.decide(at(t, 15, 15, 2, 0));
        }
        // 12 ready (3 starting), 10 busy: 0.83 is above target, and ceil(10 / 0.7) = 15 is already set.
        assertEquals(15, p.decide(at(40, 12, 15, 10, 0)).desiredReplicas());
        for (long t = 41; t < 101; t++) {
            assertEquals(15, p.decide(at(t, 15, 15, 2, 0)).desiredReplicas(), "second " + t);
        }
        assertEquals(3, p.decide(at(101, 15, 15, 2, 0)).desiredReplicas());
    }

    @Test
    void minReplicasIsTheFloor() {
        AutoscalerPolicy p = new AzureMlSpec(4, 20, 0.7, Duration.ofSeconds(1), Duration.ZERO).newPolicy();
        ScalingDecision d = p.decide(at(1, 10, 10, 0, 0));
        assertEquals(4, d.desiredReplicas());
        assertFalse(d.limitedByMax());
    }
}
