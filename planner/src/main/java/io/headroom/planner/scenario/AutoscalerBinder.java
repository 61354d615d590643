package io.headroom.planner.scenario;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.autoscaler.AutoscalerPolicies;
import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.scenario.Node.Field;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Binds {@code autoscaler}: {@code policy} names an entry of {@link AutoscalerPolicies} (default
 * {@code azureml}) and the other keys are that policy's; a key of another policy is an error.
 * azureml: minReplicas 1, maxReplicas 10, targetUtilization 0.7 (in (0, 1]), refreshInterval 1s,
 * scaleDownDelay 60s (the documented azureml-fe defaults). static: {@code replicas} (required, &gt;= 1).
 * Without an {@code autoscaler} section the scenario uses azureml with its defaults.
 */
final class AutoscalerBinder {
    static final List<String> AZUREML_KEYS = List.of("policy", "minReplicas", "maxReplicas", "targetUtilization",
            "refreshInterval", "scaleDownDelay");
    static final List<String> STATIC_KEYS = List.of("policy", "replicas");
    private static final List<String> ALL_KEYS = Stream.concat(AZUREML_KEYS.stream(), STATIC_KEYS.stream())
            .distinct().collect(Collectors.toUnmodifiableList());

    private AutoscalerBinder() {
    }

    static AutoscalerSpec bind(Optional<Node> node) {
        if (node.isEmpty()) {
            return AzureMlSpec.DEFAULT;
        }
        Section any = Section.of(node.get(), "autoscaler", ALL_KEYS);
        String policy = "azureml";
        Optional<Node> policyNode = any.node("policy");
        if (policyNode.isPresent()) {
            policy = Section.string(policyNode.get(), "autoscaler.policy");
            if (!AutoscalerPolicies.NAMES.contains(policy)) {
                throw new InvalidInputException(AutoscalerPolicies.unknown(policy) + " (" + policyNode.get().location() + ")");
            }
        }
        switch (policy) {
            case "azureml":
                return azureMl(Section.ofVariant(node.get(), "autoscaler", "policy", policy, AZUREML_KEYS, ALL_KEYS));
            case "static":
                return fixed(Section.ofVariant(node.get(), "autoscaler", "policy", policy, STATIC_KEYS, ALL_KEYS));
            default:
                throw new IllegalStateException("policy registered without a binder: " + policy);
        }
    }

    private static AzureMlSpec azureMl(Section s) {
        AzureMlSpec d = AzureMlSpec.DEFAULT;
        int min = s.intAtLeast("minReplicas", d.minReplicas(), 1);
        int max = s.intAtLeast("maxReplicas", d.maxReplicas(), 1);
        if (max < min) {
            Optional<Field> maxField = s.field("maxReplicas");
            String rule = "autoscaler.maxReplicas must be >= autoscaler.minReplicas (" + min + ")";
            throw maxField.isPresent() ? Section.error(rule, maxField.get().value())
                    : Section.error(rule, max + " (the default)", s.field("minReplicas").orElseThrow().value().location());
        }
        double target = s.number("targetUtilization", d.targetUtilization(), 0, true, 1);
        var refresh = s.positiveDuration("refreshInterval", d.refreshInterval());
        var scaleDownDelay = s.duration("scaleDownDelay", d.scaleDownDelay());
        return Section.build(() -> new AzureMlSpec(min, max, target, refresh, scaleDownDelay), "autoscaler", s.location());
    }

    private static StaticSpec fixed(Section s) {
        s.required("replicas");
        int replicas = s.intAtLeast("replicas", 1, 1);
        return Section.build(() -> new StaticSpec(replicas), "autoscaler", s.location());
    }
}
