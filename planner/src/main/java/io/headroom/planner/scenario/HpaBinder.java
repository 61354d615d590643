package io.headroom.planner.scenario;

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
    static final List<String> KEYS = List.of("minReplicas", "maxReplicas", "initialReplicas", "metric", "syncPeriod", "tolerance",
            "metricWindow", "cpuInitializationPeriod", "downscaleStabilization", "behavior");
    static final List<String> METRIC_KEYS = List.of("type", "targetUtilization", "targetAverage");
    static final List<String> BEHAVIOR_KEYS = List.of("scaleUp", "scaleDown");
    static final List<String> RULES_KEYS = List.of("stabilizationWindow", "selectPolicy", "policies");
    static final List<String> POLICY_KEYS = List.of("type", "value", "period");

    private HpaBinder() {
    }

    static HpaSpec bind(Section s, Service service) {
        s.required("maxReplicas");
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
                .orElseThrow(() -> Section.error(m.path("type") + " must be one of cpu, concurrency, rps, external",
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
                    .orElseThrow(() -> Section.error(r.path("selectPolicy") + " must be one of Max, Min, Disabled",
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
                .orElseThrow(() -> Section.error(p.path("type") + " must be one of Pods, Percent", p.required("type")));
        p.required("value");
        p.required("period");
        int value = p.intAtLeast("value", 1, 1);
        Duration period = p.positiveDuration("period", Duration.ofSeconds(15));
        return Section.build(() -> new HpaScalingPolicy(type, value, period), p.path(), p.location());
    }
}
