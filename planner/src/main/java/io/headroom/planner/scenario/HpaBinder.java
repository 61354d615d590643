package io.headroom.planner.scenario;

import static io.headroom.planner.scenario.Key.optional;
import static io.headroom.planner.scenario.Key.required;
import static io.headroom.planner.scenario.ValueKind.DURATION;
import static io.headroom.planner.scenario.ValueKind.FRACTION;
import static io.headroom.planner.scenario.ValueKind.NUMBER;
import static io.headroom.planner.scenario.ValueKind.WHOLE_NUMBER;
import static io.headroom.planner.scenario.ValueKind.choice;

import io.headroom.planner.autoscaler.HpaBehavior;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaScalingPolicy;
import io.headroom.planner.autoscaler.HpaScalingRules;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.scenario.Node.ListNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Binds {@code autoscaler} for {@code policy: hpa} (upstream names, durations with units): minReplicas
 * (default 1), maxReplicas (required), initialReplicas (default minReplicas), metric ({@code {type: cpu,
 * targetUtilization}} or {@code {type: concurrency|rps|external, targetAverage}}; default cpu 0.8),
 * syncPeriod 15s, tolerance 0.1, metricWindow 15s, cpuInitializationPeriod 5m, downscaleStabilization
 * 5m, and an optional behavior {@code {scaleUp, scaleDown}}, each {@code {stabilizationWindow,
 * selectPolicy: Max|Min|Disabled, policies: [{type: Pods|Percent, value, period}]}} with upstream's
 * per-direction defaults for what it leaves out.
 */
final class HpaBinder {
    private static final List<String> METRIC_TYPES = Arrays.stream(HpaMetric.Type.values()).map(HpaMetric.Type::key).toList();
    private static final List<String> SELECTS = Arrays.stream(HpaScalingRules.Select.values())
            .map(HpaScalingRules.Select::key).toList();
    private static final List<String> POLICY_TYPES = Arrays.stream(HpaScalingPolicy.Type.values())
            .map(HpaScalingPolicy.Type::key).toList();
    static final Keys METRIC_KEYS = Keys.of(
            required("type", choice(METRIC_TYPES), "cpu (Resource utilization), concurrency or rps (Pods), external (KEDA)"),
            optional("targetUtilization", NUMBER, "type cpu: the target share of the CPU request, e.g. 0.8"),
            optional("targetAverage", NUMBER, "types concurrency, rps, external: the target value per pod"));
    static final Keys POLICY_KEYS = Keys.of(
            required("type", choice(POLICY_TYPES), "Pods (a count) or Percent (of the current replicas)"),
            required("value", WHOLE_NUMBER, "pods, or percent, the policy allows per period"),
            required("period", DURATION, "the window the policy's value applies to, within 1s..30m"));
    static final Keys RULES_KEYS = Keys.of(
            optional("stabilizationWindow", DURATION, "recommendations this far back are considered before a change"),
            optional("selectPolicy", choice(SELECTS), "which policy wins: Max, Min, or Disabled (no change this way)"),
            optional("policies", new ValueKind.ListOf(new ValueKind.Nested(POLICY_KEYS)), "limits on the rate of change"));
    static final Keys BEHAVIOR_KEYS = Keys.of(
            optional("scaleUp", new ValueKind.Nested(RULES_KEYS), "rules for scaling up (upstream's defaults for what is left out)"),
            optional("scaleDown", new ValueKind.Nested(RULES_KEYS), "rules for scaling down (upstream's defaults for what is left out)"));
    static final Keys KEYS = AutoscalerBinder.boundKeys(true).plus(Keys.of(
            optional("metric", new ValueKind.Nested(METRIC_KEYS), "the metric and its target; default cpu at 0.8"),
            optional("syncPeriod", DURATION, "how often the HPA decides (--horizontal-pod-autoscaler-sync-period)"),
            optional("tolerance", FRACTION, "no change while |ratio - 1| is at most this, in [0, 1)"),
            optional("metricWindow", DURATION, "the window the metric averages over when read"),
            optional("cpuInitializationPeriod", DURATION, "a pod this young is unready for cpu unless ready a metricWindow"),
            optional("downscaleStabilization", DURATION, "the legacy path's scale-down window (and scaleDown's default)"),
            optional("behavior", new ValueKind.Nested(BEHAVIOR_KEYS), "autoscaling/v2 behavior; absent: the legacy path")));

    private HpaBinder() {
    }

    static HpaSpec bind(Section s, Service service) {
        AutoscalerBinder.Bounds bounds = AutoscalerBinder.bounds(s, 1, 1);
        HpaMetric metric = s.section("metric", METRIC_KEYS).map(HpaBinder::metric).orElse(HpaMetric.DEFAULT);
        if (metric.type() == HpaMetric.Type.CPU && !(service.resources().cpu() > 0)) {
            throw Section.error("an hpa on cpu needs service.resources.cpu > 0 (utilization is a share of the CPU request)",
                    s.node("metric").orElse(s.required("policy")));
        }
        Duration sync = s.positiveDuration("syncPeriod", HpaSpec.DEFAULT_SYNC_PERIOD);
        double tolerance = s.number("tolerance", HpaSpec.DEFAULT_TOLERANCE, 0, false, 0.999);
        Duration window = s.positiveDuration("metricWindow", HpaSpec.DEFAULT_METRIC_WINDOW);
        Duration init = s.duration("cpuInitializationPeriod", HpaSpec.DEFAULT_CPU_INITIALIZATION_PERIOD);
        Duration downscale = s.duration("downscaleStabilization", HpaSpec.DEFAULT_DOWNSCALE_STABILIZATION);
        Optional<HpaBehavior> behavior = s.section("behavior", BEHAVIOR_KEYS).map(b -> behavior(b, downscale));
        return Section.build(() -> new HpaSpec(bounds.min(), bounds.max(), bounds.initial(), metric, sync, tolerance, window, init, downscale, behavior),
                "autoscaler", s.location());
    }

    private static HpaMetric metric(Section m) {
        String typeName = Section.string(m.required("type"), m.path("type"));
        HpaMetric.Type type = Arrays.stream(HpaMetric.Type.values()).filter(t -> t.key().equals(typeName)).findFirst()
                .orElseThrow(() -> Section.error(m.path("type") + " must be one of " + String.join(", ", METRIC_TYPES),
                        m.required("type")));
        String key = type == HpaMetric.Type.CPU ? "targetUtilization" : "targetAverage";
        String other = type == HpaMetric.Type.CPU ? "targetAverage" : "targetUtilization";
        if (m.has(other)) {
            throw Section.error(m.path(other) + " is not used by metric type " + typeName + " (it takes " + key + ")",
                    m.field(other).orElseThrow().value());
        }
        m.required(key);
        double target = type == HpaMetric.Type.CPU ? m.number(key, 0.8, 0, true, 10) : m.number(key, 1, 0, true, 1e12);
        return Section.build(() -> new HpaMetric(type, target), m.path(), m.location());
    }

    private static HpaBehavior behavior(Section b, Duration downscaleStabilization) {
        HpaScalingRules up = b.section("scaleUp", RULES_KEYS).map(r -> rules(r, HpaScalingRules.DEFAULT_SCALE_UP))
                .orElse(HpaScalingRules.DEFAULT_SCALE_UP);
        HpaScalingRules downDefault = new HpaScalingRules(downscaleStabilization, HpaScalingRules.DEFAULT_SCALE_DOWN.selectPolicy(),
                HpaScalingRules.DEFAULT_SCALE_DOWN.policies());
        HpaScalingRules down = b.section("scaleDown", RULES_KEYS).map(r -> rules(r, downDefault)).orElse(downDefault);
        return new HpaBehavior(up, down);
    }

    private static HpaScalingRules rules(Section r, HpaScalingRules defaults) {
        Duration window = r.duration("stabilizationWindow", defaults.stabilizationWindow());
        HpaScalingRules.Select select = defaults.selectPolicy();
        if (r.has("selectPolicy")) {
            String name = Section.string(r.required("selectPolicy"), r.path("selectPolicy"));
            select = Arrays.stream(HpaScalingRules.Select.values()).filter(v -> v.key().equals(name)).findFirst()
                    .orElseThrow(() -> Section.error(r.path("selectPolicy") + " must be one of " + String.join(", ", SELECTS),
                            r.required("selectPolicy")));
        }
        List<HpaScalingPolicy> policies = defaults.policies();
        if (r.has("policies")) {
            ListNode list = Section.asList(r.required("policies"), r.path("policies"));
            List<HpaScalingPolicy> bound = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                bound.add(policy(Section.of(list.items().get(i), r.path("policies") + "[" + i + "]", POLICY_KEYS)));
            }
            policies = bound;
        }
        HpaScalingRules.Select chosen = select;
        List<HpaScalingPolicy> chosenPolicies = policies;
        return Section.build(() -> new HpaScalingRules(window, chosen, chosenPolicies), r.path(), r.location());
    }

    private static HpaScalingPolicy policy(Section p) {
        String name = Section.string(p.required("type"), p.path("type"));
        HpaScalingPolicy.Type type = Arrays.stream(HpaScalingPolicy.Type.values()).filter(t -> t.key().equals(name)).findFirst()
                .orElseThrow(() -> Section.error(p.path("type") + " must be one of " + String.join(", ", POLICY_TYPES),
                        p.required("type")));
        int value = p.intAtLeast("value", 1, 1);
        Duration period = p.positiveDuration("period", Duration.ofSeconds(15));
        return Section.build(() -> new HpaScalingPolicy(type, value, period), p.path(), p.location());
    }
}
