package io.headroom.planner.scenario;

import static io.headroom.planner.scenario.Key.optional;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The registry of autoscaler policies: the one place that lists what {@code autoscaler.policy} may
 * name, each with its scenario keys (typed: they make both the loader's key check and
 * {@code scenarios/headroom.schema.json}), its binder and a one-line summary. Adding a policy means a
 * record implementing {@link AutoscalerSpec} (the compiler then asks for its case in every
 * {@link AutoscalerSpec.Cases}), an entry here with its binder, its keys in
 * {@code scenarios/reference.yaml}, and the schema regenerated ({@code headroom schema}).
 */
public final class AutoscalerRegistry {
    /** Keys every policy accepts besides {@code policy} (each policy binds them alike). */
    static final Keys COMMON_KEYS = Keys.of(optional("schedule", new ValueKind.ListOf(new ValueKind.Nested(ScheduleBinder.KEYS)),
            "scheduled floors: from each evaluation in [from, to) at least minReplicas"));

    /** One registered policy: its name, its own keys (besides {@code policy}), a summary and its binder. */
    record Entry(String name, Keys keys, String summary, BiFunction<Section, Service, AutoscalerSpec> binder) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("azureml", AutoscalerBinder.AZUREML_KEYS,
                    "Azure Machine Learning on AKS (azureml-fe): utilization of concurrency slots, eager up, delayed down",
                    AutoscalerBinder::azureMl),
            new Entry("hpa", HpaBinder.KEYS,
                    "Kubernetes HorizontalPodAutoscaler (autoscaling/v2) on cpu, concurrency, rps or an external metric (KEDA)",
                    HpaBinder::bind),
            new Entry("knative", KnativeBinder.KEYS,
                    "Knative Serving's pod autoscaler (KPA; KServe serverless): stable and panic windows of request concurrency,"
                            + " the activator in the path, scale to zero", KnativeBinder::bind),
            new Entry("static", AutoscalerBinder.STATIC_KEYS, "a fixed replica count, never changed", AutoscalerBinder::fixed));

    /** The {@code autoscaler} map: {@code policy} (default azureml), the common keys and that policy's own. */
    static final ValueKind.Variants POLICIES = ValueKind.Variants.of("policy", "the autoscaler policy", Optional.of("azureml"),
            ENTRIES.stream().map(Entry::name).toList(), n -> COMMON_KEYS.plus(entry(n).orElseThrow().keys()));

    private AutoscalerRegistry() {
    }

    /** Known policy names, in the order they are documented. */
    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    /** The scenario keys of policy {@code name} (its own and the common ones). */
    public static List<String> keys(String name) {
        entry(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
        return POLICIES.keysOf(name).names();
    }

    /** A one-line description of policy {@code name}. */
    public static String summary(String name) {
        return entry(name).orElseThrow(() -> new IllegalArgumentException(unknown(name))).summary();
    }

    static Optional<Entry> entry(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** An error message for an unknown name, listing the known ones. */
    public static String unknown(String name) {
        return "autoscaler.policy must be one of " + String.join(", ", names()) + " but was '" + name + "'";
    }
}
