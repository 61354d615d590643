package io.headroom.planner.scenario;

import static io.headroom.planner.scenario.Key.optional;
import static io.headroom.planner.scenario.Key.required;
import static io.headroom.planner.scenario.ValueKind.DURATION;
import static io.headroom.planner.scenario.ValueKind.FRACTION;
import static io.headroom.planner.scenario.ValueKind.WHOLE_NUMBER;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.scenario.Node.Field;
import java.util.Optional;

/**
 * Binds {@code autoscaler}: {@code policy} names an entry of {@link AutoscalerRegistry} (default
 * {@code azureml}) and the other keys are that policy's; a key of another policy is an error.
 * azureml: minReplicas 1, maxReplicas 10, initialReplicas (default minReplicas), targetUtilization
 * 0.7 (in (0, 1]), refreshInterval 1s, scaleDownDelay 60s (the documented azureml-fe defaults).
 * static: {@code replicas} (required, &gt;= 1). Without an {@code autoscaler} section the scenario
 * uses azureml with its defaults.
 */
final class AutoscalerBinder {
    /** minReplicas, maxReplicas and initialReplicas, as {@link #bounds} reads them; {@code maxRequired} for hpa. */
    static Keys boundKeys(boolean maxRequired) {
        return Keys.of(optional("minReplicas", WHOLE_NUMBER, "the fewest replicas the autoscaler keeps"),
                new Key("maxReplicas", WHOLE_NUMBER, maxRequired, "the most replicas the autoscaler asks for"),
                optional("initialReplicas", WHOLE_NUMBER, "warm replicas at the start of a run (default minReplicas)"));
    }

    static final Keys AZUREML_KEYS = boundKeys(false).plus(Keys.of(
            optional("targetUtilization", FRACTION, "target of (busy + queued) / (ready x concurrency), in (0, 1]"),
            optional("refreshInterval", DURATION, "how often the autoscaler decides, and the window it averages over"),
            optional("scaleDownDelay", DURATION, "how long utilization must stay below target before a scale-down")));
    static final Keys STATIC_KEYS = Keys.of(required("replicas", WHOLE_NUMBER, "the fixed replica count"));

    private AutoscalerBinder() {
    }

    /** The autoscaler of a scenario whose service is {@code service} (an hpa on cpu needs its CPU request). */
    static AutoscalerSpec bind(Optional<Node> node, Service service) {
        if (node.isEmpty()) {
            return AzureMlSpec.DEFAULT;
        }
        Section any = Section.of(node.get(), "autoscaler", AutoscalerRegistry.POLICIES.allKeys());
        String policy = "azureml";
        Optional<Node> policyNode = any.node("policy");
        if (policyNode.isPresent()) {
            policy = Section.string(policyNode.get(), "autoscaler.policy");
        }
        String name = policy;
        AutoscalerRegistry.Entry entry = AutoscalerRegistry.entry(name).orElseThrow(
                () -> new InvalidInputException(AutoscalerRegistry.unknown(name) + " (" + policyNode.get().location() + ")"));
        return entry.binder().apply(Section.ofVariant(node.get(), "autoscaler", AutoscalerRegistry.POLICIES, name), service);
    }

    /** An autoscaler's replica bounds and starting count, as every policy with them binds them. */
    record Bounds(int min, int max, int initial) {
    }

    /**
     * {@code minReplicas} and {@code maxReplicas} (with these defaults), and {@code initialReplicas}
     * (default minReplicas) within them; each error is located at the key, or at the other bound
     * when the key took its default.
     */
    static Bounds bounds(Section s, int defaultMin, int defaultMax) {
        int min = s.intAtLeast("minReplicas", defaultMin, 1);
        int max = s.intAtLeast("maxReplicas", defaultMax, 1);
        if (max < min) {
            throw notBelow(s, "maxReplicas", max, "minReplicas", min);
        }
        int initial = s.intAtLeast("initialReplicas", min, 1);
        if (initial < min) {
            throw notBelow(s, "initialReplicas", initial, "minReplicas", min);
        }
        if (initial > max) {
            throw s.field("initialReplicas").map(f -> Section.error("autoscaler.initialReplicas must be <= autoscaler.maxReplicas ("
                    + max + ")", f.value())).orElseThrow();
        }
        return new Bounds(min, max, initial);
    }

    static AzureMlSpec azureMl(Section s, Service service) {
        AzureMlSpec d = AzureMlSpec.DEFAULT;
        Bounds b = bounds(s, d.minReplicas(), d.maxReplicas());
        double target = s.number("targetUtilization", d.targetUtilization(), 0, true, 1);
        var refresh = s.positiveDuration("refreshInterval", d.refreshInterval());
        var scaleDownDelay = s.duration("scaleDownDelay", d.scaleDownDelay());
        return Section.build(() -> new AzureMlSpec(b.min(), b.max(), b.initial(), target, refresh, scaleDownDelay), "autoscaler",
                s.location());
    }

    /** {@code key} (value {@code value}) is below {@code floorKey} ({@code floor}); located at the key, or at the floor when the key took its default. */
    private static InvalidInputException notBelow(Section s, String key, int value, String floorKey, int floor) {
        Optional<Field> field = s.field(key);
        String rule = "autoscaler." + key + " must be >= autoscaler." + floorKey + " (" + floor + ")";
        return field.isPresent() ? Section.error(rule, field.get().value())
                : Section.error(rule, value + " (the default)", s.field(floorKey).orElseThrow().value().location());
    }

    static StaticSpec fixed(Section s, Service service) {
        int replicas = s.intAtLeast("replicas", 1, 1);
        return Section.build(() -> new StaticSpec(replicas), "autoscaler", s.location());
    }
}
