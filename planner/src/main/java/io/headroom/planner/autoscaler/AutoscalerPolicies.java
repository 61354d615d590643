package io.headroom.planner.autoscaler;

import java.util.List;

/**
 * The registry of autoscaler policies: the one place that lists the names a scenario's
 * {@code autoscaler.policy} may take. Adding a policy means a record implementing
 * {@link AutoscalerSpec}, a line here, and its keys in the scenario loader.
 */
public final class AutoscalerPolicies {
    /** Known policy names, in the order they are documented. */
    public static final List<String> NAMES = List.of("azureml", "static");

    private AutoscalerPolicies() {
    }

    /** An error message for an unknown name, listing the known ones. */
    public static String unknown(String name) {
        return "autoscaler.policy must be one of " + String.join(", ", NAMES) + " but was '" + name + "'";
    }
}
