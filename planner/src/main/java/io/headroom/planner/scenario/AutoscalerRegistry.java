package io.headroom.planner.scenario;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The registry of autoscaler policies: the one place that lists what {@code autoscaler.policy} may
 * name, each with its scenario keys, its binder and a one-line summary. Adding a policy means a
 * record implementing {@link AutoscalerSpec} (the compiler then asks for its case in every
 * {@link AutoscalerSpec.Cases}), an entry here with its binder, and its keys in
 * {@code scenarios/reference.yaml}.
 */
public final class AutoscalerRegistry {
    /** Keys every policy accepts. */
    static final List<String> COMMON_KEYS = List.of("policy", "schedule");

    /** One registered policy. */
    record Entry(String name, List<String> keys, String summary, BiFunction<Section, Service, AutoscalerSpec> binder) {
        Entry {
            keys = Stream.concat(COMMON_KEYS.stream(), keys.stream()).distinct().toList();
        }
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

    private AutoscalerRegistry() {
    }

    /** Known policy names, in the order they are documented. */
    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    /** The scenario keys of policy {@code name} (its own and the common ones). */
    public static List<String> keys(String name) {
        return entry(name).orElseThrow(() -> new IllegalArgumentException(unknown(name))).keys();
    }

    /** A one-line description of policy {@code name}. */
    public static String summary(String name) {
        return entry(name).orElseThrow(() -> new IllegalArgumentException(unknown(name))).summary();
    }

    static Optional<Entry> entry(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    static List<String> allKeys() {
        return ENTRIES.stream().flatMap(e -> e.keys().stream()).distinct().toList();
    }

    /** An error message for an unknown name, listing the known ones. */
    public static String unknown(String name) {
        return "autoscaler.policy must be one of " + String.join(", ", names()) + " but was '" + name + "'";
    }
}
