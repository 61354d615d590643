package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.HpaBehavior;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.ExponentialDistribution;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hpa policy inside the simulator: it decides at its syncs only, its metric lags a load step by
 * its window, the default behavior's rate limit (4 pods or 100 % per 15 s, the larger) holds at every
 * sync, and scale-down waits out the 5 min stabilization window.
 */
class HpaBehaviourTest {
    private static final int STEP = 100;
    private static final int DROP = 400;

    /** 200 ms exponential requests, 1 core each busy slot, 20 s startup; 10 rps, then 80 rps from 100 s to 400 s, then 10 rps. */
    private static List<TimelineRow> run(HpaSpec spec) {
        return run(spec, TestScenarios.steps(Duration.ofMinutes(15), new double[][] {{0, 10}, {STEP, 80}, {DROP, 10}}));
    }

    private static List<TimelineRow> run(HpaSpec spec, Traffic traffic) {
        Service service = new Service(new ExponentialDistribution(Duration.ofMillis(200)), 1, Duration.ofMillis(500),
                Duration.ofSeconds(60), 0, new ConstantDistribution(Duration.ofSeconds(20)), 0, Resources.DEFAULT);
        Scenario s = TestScenarios.scenario("hpa step", 8, service, spec, Optional.empty(), traffic);
        return Simulator.run(s).timeline();
    }

    /** The replicas asked for after the sync at {@code t} seconds (the sample at the end of second t - 1). */
    private static int desiredAfterSync(List<TimelineRow> rows, int t) {
        return rows.get(t - 1).replicas().desired();
    }

    @Test
    void decisionsComeOnlyAtSyncsAndTheFirstScaleUpFollowsTheStepThroughTheMetricWindow() {
        HpaSpec spec = HpaSpec.of(4, 60, new HpaMetric(HpaMetric.Type.CPU, 0.6), Optional.of(HpaBehavior.DEFAULT));
        List<TimelineRow> rows = run(spec);
        int firstChange = -1;
        for (int t = 1; t < rows.size(); t++) {
            int before = rows.get(t - 1).replicas().desired();
            int now = rows.get(t).replicas().desired();
            if (now != before) {
                assertEquals(0, (t + 1) % 15, "desired changes only at a sync (every 15 s): second " + t);
                if (firstChange < 0 && now > before) {
                    firstChange = t + 1;
                }
            }
        }
        assertTrue(firstChange >= STEP, "no scale-up before the step: first at " + firstChange);
        assertTrue(firstChange <= STEP + 15, "the first sync after the step already sees part of the window: " + firstChange);
        // The 15 s window holds only (firstChange - STEP) s of the new load at the first sync: the step's need
        // (80 rps x 0.2 s / 0.6 = 27 replicas) is reached later, not at once.
        assertTrue(desiredAfterSync(rows, firstChange) < 27, "damped by the window: " + desiredAfterSync(rows, firstChange));
    }

    @Test
    void theDefaultBehaviorsRateLimitHoldsAtEverySync() {
        HpaSpec spec = HpaSpec.of(2, 60, new HpaMetric(HpaMetric.Type.CONCURRENCY, 1.5), Optional.of(HpaBehavior.DEFAULT));
        List<TimelineRow> rows = run(spec);
        int previous = spec.initialReplicas();
        int peak = previous;
        for (int t = 15; t < rows.size(); t += 15) {
            int desired = desiredAfterSync(rows, t);
            assertTrue(desired <= Math.max(previous + 4, 2 * previous), "sync at " + t + " s: " + previous + " -> " + desired);
            peak = Math.max(peak, desired);
            previous = desired;
        }
        assertTrue(peak >= 8, "the step was followed: peak desired " + peak);
    }

    @Test
    void scaleDownWaitsForTheStabilizationWindowAfterTheLoadDrops() {
        // A ramp from 10 to 80 rps over 100..400 s, then 10 rps: the highest recommendations come at the end of the
        // ramp, so the legacy path's 5 min window keeps the count until about 400 + 300 s.
        HpaSpec spec = HpaSpec.of(2, 60, new HpaMetric(HpaMetric.Type.CONCURRENCY, 1.5), Optional.empty());
        var traffic = new Traffic(Duration.ofMinutes(15), ArrivalProcess.POISSON,
                new RateProfile(List.of(
                        new Segment.Step(Duration.ZERO, 10),
                        new Segment.Ramp(Duration.ofSeconds(STEP), 80, Duration.ofSeconds(DROP - STEP)),
                        new Segment.Step(Duration.ofSeconds(DROP), 10))));
        List<TimelineRow> rows = run(spec, traffic);
        int atDrop = desiredAfterSync(rows, 405);
        int firstDown = -1;
        for (int t = 420; t < rows.size(); t += 15) {
            if (desiredAfterSync(rows, t) < atDrop) {
                firstDown = t;
                break;
            }
        }
        assertTrue(firstDown > 0, "it does scale down once the window has passed");
        assertTrue(firstDown >= DROP + 300 - 15, "the legacy path keeps the highest recommendation of 5 min: first down at "
                + firstDown + " s after the drop at " + DROP + " s");
    }
}
