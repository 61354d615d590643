package io.headroom.planner.autoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reconcile step against upstream's own unit tests, transcribed from kubernetes/kubernetes
 * {@code pkg/controller/podautoscaler/horizontal_test.go} (commit 003e86297d18a8538c9da3619871393f9703bf70):
 * {@code TestConvertDesiredReplicasWithRules}, {@code TestNormalizeDesiredReplicas},
 * {@code TestNormalizeDesiredReplicasWithBehavior}, {@code TestScalingWithRules},
 * {@code TestCalculateScaleUpLimitWithScalingRules}, {@code TestCalculateScaleDownLimitWithBehaviors}.
 * Ages are seconds before "now"; events follow upstream's {@code generateEventsUniformDistribution}.
 * Left out: cases with minReplicas 0 (the alpha HPAScaleToZero gate; this policy needs min &gt;= 1) and
 * the case upstream itself skips ({@code testThis}).
 */
class HpaControllerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long NOW = 10_000 * SECOND;

    private static HpaSpec spec(int min, int max, Optional<HpaBehavior> behavior) {
        return new HpaSpec(min, max, min, HpaMetric.DEFAULT, HpaSpec.DEFAULT_SYNC_PERIOD, 0.1, HpaSpec.DEFAULT_METRIC_WINDOW,
                HpaSpec.DEFAULT_CPU_INITIALIZATION_PERIOD, HpaSpec.DEFAULT_DOWNSCALE_STABILIZATION, behavior);
    }

    /** TestConvertDesiredReplicasWithRules; upstream's test package raises scaleUpLimitFactor to 8, production uses 2. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("conversions")
    void convertDesiredReplicasWithRulesAsUpstream(String name, int current, int desired, int min, int max, int expected,
            String reason) {
        HpaController.Sync s = new HpaController(spec(min, max, Optional.empty())).convertWithRules(current, desired);
        assertEquals(expected, s.desired(), name);
        assertEquals(reason, s.reason(), name);
    }

    static Stream<Arguments> conversions() {
        return Stream.of(
                Arguments.of("prenormalized desired replicas within range", 5, 7, 3, 8, 7, "DesiredWithinRange"),
                Arguments.of("prenormalized desired replicas < minReplicas", 3, 1, 2, 8, 2, "TooFewReplicas"),
                Arguments.of("maxReplicas is the limit because maxReplicas < scaleUpLimit", 20, 1000, 1, 10, 10, "TooManyReplicas"),
                // upstream expects calculateScaleUpLimit(3) = 24 with its test factor 8; the production factor 2 gives max(6, 4) = 6
                Arguments.of("scaleUpLimit is the limit because scaleUpLimit < maxReplicas", 3, 1000, 1, 2000, 6, "ScaleUpLimit"));
    }

    /** TestNormalizeDesiredReplicas: the legacy stabilization over 5 minutes of recommendations. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyStabilization")
    void legacyStabilizationAsUpstream(String name, int[][] history, int prenormalized, int expected) {
        HpaController c = new HpaController(spec(1, 100, Optional.empty()));
        for (int[] rec : history) {
            c.rememberRecommendation(NOW - rec[1] * SECOND, rec[0]);
        }
        assertEquals(expected, c.stabilizeLegacy(NOW, prenormalized), name);
    }

    static Stream<Arguments> legacyStabilization() {
        return Stream.of(
                Arguments.of("empty log", new int[][] {}, 5, 5),
                Arguments.of("stabilize", new int[][] {{4, 120}, {5, 60}}, 3, 5),
                Arguments.of("no stabilize", new int[][] {{1, 120}, {2, 60}}, 3, 3),
                Arguments.of("no stabilize - old recommendations", new int[][] {{10, 600}, {9, 540}}, 3, 3),
                Arguments.of("stabilize - old recommendations", new int[][] {{10, 600}, {4, 60}, {5, 120}, {9, 540}}, 3, 5));
    }

    /** TestNormalizeDesiredReplicasWithBehavior: stabilization with separate up and down windows. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("behaviorStabilization")
    void behaviorStabilizationAsUpstream(String name, int[][] history, int current, int prenormalized, int upWindowSeconds,
            int downWindowSeconds, int expected) {
        HpaBehavior behavior = new HpaBehavior(
                new HpaScalingRules(Duration.ofSeconds(upWindowSeconds), HpaScalingRules.Select.MAX, HpaScalingRules.DEFAULT_SCALE_UP.policies()),
                new HpaScalingRules(Duration.ofSeconds(downWindowSeconds), HpaScalingRules.Select.MAX,
                        HpaScalingRules.DEFAULT_SCALE_DOWN.policies()));
        HpaController c = new HpaController(spec(1, 1000, Optional.of(behavior)));
        for (int[] rec : history) {
            c.rememberRecommendation(NOW - rec[1] * SECOND, rec[0]);
        }
        assertEquals(expected, c.stabilizeWithBehavior(NOW, current, prenormalized), name);
    }

    static Stream<Arguments> behaviorStabilization() {
        return Stream.of(
                Arguments.of("empty recommendations for scaling down", new int[][] {}, 100, 5, 0, 0, 5),
                Arguments.of("simple scale down stabilization", new int[][] {{4, 120}, {5, 60}}, 100, 3, 0, 180, 5),
                Arguments.of("simple scale up stabilization", new int[][] {{4, 120}, {5, 60}}, 1, 7, 300, 0, 4),
                Arguments.of("no scale down stabilization", new int[][] {{1, 120}, {2, 60}}, 100, 3, 300, 0, 3),
                Arguments.of("no scale up stabilization", new int[][] {{4, 120}, {5, 60}}, 1, 3, 0, 300, 3),
                Arguments.of("no scale down stabilization, reuse recommendation element", new int[][] {{10, 600}, {9, 540}}, 100, 3,
                        0, 0, 3),
                Arguments.of("no scale up stabilization, reuse recommendation element", new int[][] {{10, 600}, {9, 540}}, 1, 100, 0,
                        0, 100),
                Arguments.of("scale down stabilization, reuse one of obsolete recommendation element",
                        new int[][] {{10, 600}, {4, 60}, {5, 120}, {9, 540}}, 100, 3, 0, 180, 5),
                Arguments.of("scale up stabilization, reuse one of obsolete recommendation element",
                        new int[][] {{10, 6000}, {6, 60}, {5, 120}, {9, 180}}, 1, 100, 300, 0, 5),
                Arguments.of("scale up and down stabilization, do not scale up when prenormalized rec goes down",
                        new int[][] {{2, 6000}, {3, 180}}, 2, 1, 300, 300, 2),
                Arguments.of("scale up and down stabilization, do not scale down when prenormalized rec goes up",
                        new int[][] {{2, 6000}, {1, 180}}, 2, 3, 300, 300, 2));
    }

    /** TestScalingWithRules: the behavior's rate limits and the min/max clamp, with upstream's reasons. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scalingWithRules")
    void scalingWithRulesAsUpstream(String name, int current, int desired, int min, int max, String upRules, String downRules,
            String upEvents, String downEvents, int expected, String reason) {
        HpaBehavior behavior = new HpaBehavior(rules(upRules, HpaScalingRules.DEFAULT_SCALE_UP),
                rules(downRules, HpaScalingRules.DEFAULT_SCALE_DOWN));
        HpaController c = new HpaController(spec(min, max, Optional.of(behavior)));
        events(upEvents).forEach(e -> c.rememberScaleEvent(NOW - e[1], (int) e[0]));
        events(downEvents).forEach(e -> c.rememberScaleEvent(NOW - e[1], (int) -e[0]));
        HpaController.Sync s = c.rateLimit(NOW, current, desired);
        assertEquals(expected, s.desired(), name);
        assertEquals(reason, s.reason(), name);
    }

    static Stream<Arguments> scalingWithRules() {
        return Stream.of(
                row("prenormalized desired replicas within range", 5, 7, 3, 8, "-", "-", "-", "-", 7, "DesiredWithinRange"),
                row("prenormalized desired replicas < minReplicas", 3, 1, 2, 8, "-", "-", "-", "-", 2, "TooFewReplicas"),
                row("maxReplicas is the limit because maxReplicas < scaleUpLimit", 20, 1000, 1, 10, "-", "-", "-", "-", 10,
                        "TooManyReplicas"),
                row("desired replica count is more than the maximum replica count", 100, 1000, 100, 150, "-", "-", "-", "-", 150,
                        "TooManyReplicas"),
                row("scaleUpLimit is the limit because scaleUpLimit < maxReplicas with user policies", 3, 1000, 1, 2000, "%1/60 w0",
                        "-", "-", "-", 4, "ScaleUpLimit"),
                row("scaleUp with default behavior", 10, 50, 1, 1000, "-", "-", "-", "-", 20, "ScaleUpLimit"),
                row("scaleUp with pods policy larger than percent policy", 10, 500, 1, 1000, "P100/60 %100/60 w0", "-", "-", "-",
                        110, "ScaleUpLimit"),
                row("scaleUp with percent policy larger than pods policy", 10, 500, 1, 1000, "P2/60 %100/60 w0", "-", "-", "-", 20,
                        "ScaleUpLimit"),
                row("scaleUp with spec MaxReplicas limitation with large pod policy", 10, 50, 1, 1000, "P100/60 w0", "-", "-", "-",
                        50, "DesiredWithinRange"),
                row("scaleUp with spec MaxReplicas limitation with large percent policy", 10, 50, 1, 1000, "P10000/60 w0", "-", "-",
                        "-", 50, "DesiredWithinRange"),
                row("scaleUp with pod policy limitation", 10, 50, 1, 1000, "P30/60 w0", "-", "-", "-", 40, "ScaleUpLimit"),
                row("scaleUp with percent policy limitation", 10, 50, 1, 1000, "%200/60 w0", "-", "-", "-", 30, "ScaleUpLimit"),
                row("scaleDown with percent policy larger than pod policy", 100, 2, 1, 1000, "-", "P20/60 %1/60 w300", "-", "-", 80,
                        "ScaleDownLimit"),
                row("scaleDown with pod policy larger than percent policy", 100, 2, 1, 1000, "-", "P2/60 %1/60 w300", "-", "-", 98,
                        "ScaleDownLimit"),
                row("scaleDown with spec MinReplicas=nil limitation with large pod policy", 10, 0, 1, 1000, "-", "P100/60 w300", "-",
                        "-", 1, "TooFewReplicas"),
                row("scaleDown with spec MinReplicas limitation with large pod policy", 10, 0, 1, 1000, "-", "P100/60 w300", "-", "-",
                        1, "TooFewReplicas"),
                row("scaleDown with spec MinReplicas limitation with large percent policy", 10, 2, 5, 1000, "-", "%100/60 w300", "-",
                        "-", 5, "TooFewReplicas"),
                row("scaleDown with pod policy limitation", 10, 2, 1, 1000, "-", "P5/60 w300", "-", "-", 5, "ScaleDownLimit"),
                row("scaleDown with percent policy limitation", 10, 5, 1, 1000, "-", "%50/60 w300", "-", "-", 5, "DesiredWithinRange"),
                row("scaleUp with spec MaxReplicas limitation with large pod policy and events", 100, 500, 1, 200, "P300/60 w0", "-",
                        "1,5,9/120", "-", 200, "TooManyReplicas"),
                row("scaleUp with spec MaxReplicas limitation with large percent policy and events", 100, 500, 1, 200,
                        "%10000/60 w0", "-", "1,5,9/120", "-", 200, "TooManyReplicas"),
                row("scaleUp with currentReplicas limitation with rate.PeriodSeconds with a lot of recent scale up events", 100, 500,
                        1, 1000, "P5/120 w0", "-", "1,5,9/120", "-", 100, "ScaleUpLimit"),
                row("scaleUp with pod policy and previous scale up events", 100, 500, 1, 1000, "P150/120 w0", "-", "1,5,9/120", "-",
                        235, "ScaleUpLimit"),
                row("scaleUp with percent policy and previous scale up events", 100, 500, 1, 1000, "%200/120 w0", "-", "1,5,9/120",
                        "-", 255, "ScaleUpLimit"),
                row("scaleUp with percent policy and previous scale up and down events", 6, 24, 1, 1000, "%300/300 w0", "-", "4/120",
                        "2/120", 16, "ScaleUpLimit"),
                row("scaleDown with default policy and previous events", 10, 5, 1, 1000, "-", "-", "-", "1,5,9/120", 5,
                        "DesiredWithinRange"),
                row("scaleDown with spec MinReplicas=nil limitation with large pod policy and previous events", 100, 0, 1, 1000, "-",
                        "P115/120 w300", "-", "1,5,9/120", 1, "TooFewReplicas"),
                row("scaleDown with spec MinReplicas limitation with large pod policy and previous events", 100, 0, 5, 1000, "-",
                        "P130/120 w300", "-", "1,5,9/120", 5, "TooFewReplicas"),
                row("scaleDown with spec MinReplicas limitation with large percent policy and previous events", 100, 2, 5, 1000, "-",
                        "%100/120 w300", "-", "1,5,9/120", 5, "TooFewReplicas"),
                row("scaleDown with pod policy limitation and previous events", 100, 2, 1, 1000, "-", "P5/120 w300", "-",
                        "1,5,9/120", 100, "ScaleDownLimit"),
                row("scaleDown with percent policy limitation and previous events", 100, 0, 1, 1000, "-", "%50/120 w300", "-",
                        "2,4,6/120", 56, "ScaleDownLimit"),
                row("scaleDown with percent policy and previous scale up and down events", 10, 1, 1, 1000, "-", "%50/180 w0", "2/120",
                        "4/120", 6, "ScaleDownLimit"),
                row("scaleDown with previous events preventing further scale down", 100, 0, 1, 1000, "-", "%10/120 w300", "-",
                        "10,10,10/120", 100, "ScaleDownLimit"),
                row("scaleDown with with previous events still allowing more scale down", 10, 5, 1, 1000, "-", "%1000/120 w300", "-",
                        "10,10,10/120", 5, "DesiredWithinRange"),
                row("check 'outdated' flag for events for one behavior for up", 100, 200, 1, 1000, "P1000/60 w0", "-",
                        "8,12,9,11/120", "-", 200, "DesiredWithinRange"),
                row("check that events were not marked 'outdated' for two different policies in the behavior for up", 100, 200, 1,
                        1000, "P1000/120 %100/60 w0", "-", "8,12,9,11/120", "-", 200, "DesiredWithinRange"),
                row("check that events were marked 'outdated' for two different policies in the behavior for up", 100, 200, 1, 1000,
                        "P1000/30 %100/60 w0", "-", "8,12,9,11/120", "-", 200, "DesiredWithinRange"),
                row("check 'outdated' flag for events for one behavior for down", 100, 5, 1, 1000, "-", "P1000/60 w300", "-",
                        "8,12,9,11/120", 5, "DesiredWithinRange"),
                row("check that events were not marked 'outdated' for two different policies in the behavior for down", 100, 5, 1,
                        1000, "-", "P1000/120 %100/60 w300", "-", "8,12,9,11/120", 5, "DesiredWithinRange"),
                row("check that events were marked 'outdated' for two different policies in the behavior for down", 100, 5, 1, 1000,
                        "-", "P1000/30 %100/60 w300", "-", "8,12,9,11/120", 5, "DesiredWithinRange"));
    }

    /** TestCalculateScaleUpLimitWithScalingRules and TestCalculateScaleDownLimitWithBehaviors: Min select, Pods 2 and Percent 50 per 60 s. */
    @Test
    void calculateScaleUpAndDownLimitsWithTheMinPolicyAsUpstream() {
        HpaScalingRules rules = new HpaScalingRules(Duration.ofSeconds(300), HpaScalingRules.Select.MIN,
                List.of(new HpaScalingPolicy(HpaScalingPolicy.Type.PODS, 2, Duration.ofSeconds(60)),
                        new HpaScalingPolicy(HpaScalingPolicy.Type.PERCENT, 50, Duration.ofSeconds(60))));
        HpaController c = new HpaController(spec(1, 100, Optional.of(new HpaBehavior(rules, rules))));
        assertEquals(2, c.scaleUpLimit(1, NOW, rules), "min(1 + 2, ceil(1 x 1.5))");
        assertEquals(3, c.scaleDownLimit(5, NOW, rules), "the smallest change down: max(5 - 2, trunc(5 x 0.5))");
    }

    private static Arguments row(String name, int current, int desired, int min, int max, String up, String down, String upEvents,
            String downEvents, int expected, String reason) {
        return Arguments.of(name, current, desired, min, max, up, down, upEvents, downEvents, expected, reason);
    }

    /** {@code P4/60 %100/15 w300}: Pods 4 per 60 s, Percent 100 per 15 s, stabilization 300 s, select Max; "-" for the default. */
    private static HpaScalingRules rules(String text, HpaScalingRules defaults) {
        if (text.equals("-")) {
            return defaults;
        }
        List<HpaScalingPolicy> policies = new ArrayList<>();
        Duration window = Duration.ZERO;
        for (String part : text.split(" ")) {
            if (part.startsWith("w")) {
                window = Duration.ofSeconds(Integer.parseInt(part.substring(1)));
            } else {
                String[] vp = part.substring(1).split("/");
                policies.add(new HpaScalingPolicy(part.charAt(0) == 'P' ? HpaScalingPolicy.Type.PODS : HpaScalingPolicy.Type.PERCENT,
                        Integer.parseInt(vp[0]), Duration.ofSeconds(Integer.parseInt(vp[1]))));
            }
        }
        return new HpaScalingRules(window, HpaScalingRules.Select.MAX, policies);
    }

    /** {@code 1,5,9/120}: events spread as upstream's generateEventsUniformDistribution: {change, age in ns}. */
    private static List<long[]> events(String text) {
        List<long[]> out = new ArrayList<>();
        if (text.equals("-")) {
            return out;
        }
        String[] parts = text.split("/");
        String[] changes = parts[0].split(",");
        long periodNanos = Long.parseLong(parts[1]) * SECOND;
        long segment = periodNanos / changes.length;
        for (int i = 0; i < changes.length; i++) {
            out.add(new long[] {Long.parseLong(changes[i]), periodNanos - segment * (i + 1) + segment / 2});
        }
        return out;
    }
}
