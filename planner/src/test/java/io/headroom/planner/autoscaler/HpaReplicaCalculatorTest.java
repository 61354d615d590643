package io.headroom.planner.autoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The replica calculator against upstream's own cases, transcribed from kubernetes/kubernetes
 * {@code pkg/controller/podautoscaler/replica_calculator_test.go} (commit 00067268967ec95a40035bd666374a1caf48dd1a).
 * Upstream's fixture gives each pod two containers with the listed request and usage, so a pod's
 * request and usage are twice the listed per-container values; the pod grouping of each case (which
 * pods are unready: Ready=False, hot-CPU inside the initialization period, Pending; which miss a metric;
 * which are Failed and ignored) is worked out from the fixture's rules and written as groups here.
 * Tolerance 0.1 throughout.
 */
class HpaReplicaCalculatorTest {
    private static final double TOLERANCE = 0.1;

    private static long[] milli(long... values) {
        return values;
    }

    /** CPU: {name, current, ready usage (pod milli), ready requests, unready requests, missing requests, target %, replicas, utilization}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cpuCases")
    void cpuUtilizationAsUpstream(String name, int current, long[] usage, long[] requests, long[] unready, long[] missing,
            long target, int replicas, long utilization) {
        HpaReplicaCalculator.Proposal p = HpaReplicaCalculator.cpu(current, usage, requests, unready, missing, target, TOLERANCE);
        assertEquals(replicas, p.replicas(), name + ": replicas");
        assertEquals(utilization, p.usage(), name + ": utilization");
    }

    static Stream<Arguments> cpuCases() {
        long[] none = {};
        long[] r3 = {2000, 2000, 2000};
        return Stream.of(
                Arguments.of("TestReplicaCalcScaleUp", 3, milli(600, 1000, 1400), r3, none, none, 30, 5, 50),
                Arguments.of("TestReplicaCalcScaleUpUnreadyLessScale", 3, milli(1000, 1400), milli(2000, 2000), milli(2000), none, 30,
                        4, 60),
                Arguments.of("TestReplicaCalcScaleUpHotCpuLessScale", 3, milli(1000, 1400), milli(2000, 2000), milli(2000), none, 30, 4,
                        60),
                Arguments.of("TestReplicaCalcScaleUpUnreadyNoScale", 3, milli(800), milli(2000), milli(2000, 2000), none, 30, 3, 40),
                Arguments.of("TestReplicaCalcScaleHotCpuNoScale", 3, milli(800), milli(2000), milli(2000, 2000), none, 30, 3, 40),
                Arguments.of("TestReplicaCalcScaleUpIgnoresFailedPods", 2, milli(1000, 1400), milli(2000, 2000), none, none, 30, 4, 60),
                Arguments.of("TestReplicaCalcScaleDown", 5, milli(200, 600, 1000, 500, 500), milli(2000, 2000, 2000, 2000, 2000), none,
                        none, 50, 3, 28),
                Arguments.of("TestReplicaCalcScaleDownIncludeUnreadyPods", 5, milli(200, 600, 1000), r3, milli(2000, 2000), none, 50, 2,
                        30),
                Arguments.of("TestReplicaCalcScaleDownExcludeUnscheduledPods", 5, milli(200), milli(2000),
                        milli(2000, 2000, 2000, 2000), none, 50, 1, 10),
                Arguments.of("TestReplicaCalcScaleDownIgnoreHotCpuPods", 5, milli(200, 600, 1000), r3, milli(2000, 2000), none, 50, 2,
                        30),
                Arguments.of("TestReplicaCalcTolerance", 3, milli(2020, 2060, 2040), milli(1800, 2000, 2200), none, none, 100, 3, 102),
                Arguments.of("TestReplicaCalcSuperfluousMetrics", 4, milli(8000, 19000, 6000, 14000), milli(2000, 2000, 2000, 2000),
                        none, none, 100, 24, 587),
                Arguments.of("TestReplicaCalcMissingMetrics", 4, milli(800, 190), milli(2000, 2000), none, milli(2000, 2000), 100, 3,
                        24),
                Arguments.of("TestReplicaCalcMissingMetricsNoChangeEq", 2, milli(2000), milli(2000), none, milli(2000), 100, 2, 100),
                Arguments.of("TestReplicaCalcMissingMetricsNoChangeGt", 2, milli(3800), milli(2000), none, milli(2000), 100, 2, 190),
                Arguments.of("TestReplicaCalcMissingMetricsNoChangeLt", 2, milli(1200), milli(2000), none, milli(2000), 100, 2, 60),
                Arguments.of("TestReplicaCalcMissingMetricsUnreadyChange", 3, milli(900), milli(2000), milli(2000), milli(2000), 50,
                        3, 45),
                Arguments.of("TestReplicaCalcMissingMetricsHotCpuNoChange", 3, milli(900), milli(2000), milli(2000), milli(2000), 50, 3,
                        45),
                Arguments.of("TestReplicaCalcMissingMetricsUnreadyScaleUp", 3, milli(4000), milli(2000), milli(2000), milli(2000), 50,
                        4, 200),
                Arguments.of("TestReplicaCalcMissingMetricsHotCpuScaleUp", 3, milli(4000), milli(2000), milli(2000), milli(2000), 50, 4,
                        200),
                Arguments.of("TestReplicaCalcMissingMetricsUnreadyScaleDown", 4, milli(200, 200), milli(2000, 2000), milli(2000),
                        milli(2000), 50, 3, 10),
                Arguments.of("TestReplicaCalcDuringRollingUpdateWithMaxSurge", 2, milli(200, 200), milli(2000, 2000), none, milli(2000),
                        50, 2, 10),
                Arguments.of("TestReplicaCalcComputedToleranceAlgImplementation (target 56)", 10,
                        HpaReplicaCalculator.identical(10, 300), milli(800, 400, 620, 580, 604, 596, 602, 598, 600, 600), none, none, 56,
                        9, 50),
                Arguments.of("TestReplicaCalcComputedToleranceAlgImplementation (target 55)", 10,
                        HpaReplicaCalculator.identical(10, 300), milli(800, 400, 620, 580, 604, 596, 602, 598, 600, 600), none, none, 55,
                        10, 50));
    }

    /** Pods metrics: {name, current, values (milli), unready, missing, target, replicas, usage}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("podsCases")
    void podsMetricAsUpstream(String name, int current, long[] values, int unready, int missing, long target, int replicas, long usage) {
        HpaReplicaCalculator.Proposal p = HpaReplicaCalculator.pods(current, values, unready, missing, target, TOLERANCE);
        assertEquals(replicas, p.replicas(), name + ": replicas");
        assertEquals(usage, p.usage(), name + ": usage");
    }

    static Stream<Arguments> podsCases() {
        return Stream.of(
                Arguments.of("TestReplicaCalcScaleUpCM", 3, milli(20000, 10000, 30000), 0, 0, 15000, 4, 20000),
                Arguments.of("TestReplicaCalcScaleUpCMUnreadyHotCpuNoLessScale", 3, milli(50000, 10000, 30000), 0, 0, 15000, 6, 30000),
                Arguments.of("TestReplicaCalcScaleUpCMUnreadyHotCpuScaleWouldScaleDown", 3, milli(50000, 15000, 30000), 0, 0, 15000, 7,
                        31666),
                Arguments.of("TestReplicaCalcScaleDownCM", 5, milli(12000, 12000, 12000, 12000, 12000), 0, 0, 20000, 3, 12000),
                Arguments.of("TestReplicaCalcToleranceCM", 3, milli(20000, 21000, 21000), 0, 0, 20000, 3, 20666),
                Arguments.of("TestReplicaCalcScaleUpCMExternal (a pods metric upstream)", 1, milli(8600), 0, 0, 4400, 2, 8600));
    }

    /** External AverageValue (KEDA's path): {name, status replicas, total, target per pod, replicas, usage}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("externalCases")
    void externalPerPodAsUpstream(String name, int statusReplicas, long total, long target, int replicas, long usage) {
        HpaReplicaCalculator.Proposal p = HpaReplicaCalculator.externalPerPod(statusReplicas, total, target, TOLERANCE);
        assertEquals(replicas, p.replicas(), name + ": replicas");
        assertEquals(usage, p.usage(), name + ": usage");
    }

    static Stream<Arguments> externalCases() {
        return Stream.of(
                Arguments.of("TestReplicaCalcScaleUpPerPodCMExternal", 3, 8600, 2150, 4, 2867),
                Arguments.of("TestReplicaCalcScaleDownPerPodCMExternal", 5, 8600, 2867, 3, 1720),
                Arguments.of("TestReplicaCalcTolerancePerPodCMExternal", 3, 8600, 2900, 3, 2867));
    }

    @Test
    void noPodWithAMetricGivesNoProposal() {
        // TestReplicaCalcEmptyMetrics / "did not receive metrics for targeted pods (pods might be unready)".
        assertFalse(HpaReplicaCalculator.cpu(4, new long[0], new long[0], new long[] {1000}, new long[0], 100, TOLERANCE).valid());
        assertFalse(HpaReplicaCalculator.pods(4, new long[0], 1, 3, 1000, TOLERANCE).valid());
    }
}
