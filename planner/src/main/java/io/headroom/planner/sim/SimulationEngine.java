package io.headroom.planner.sim;

import java.util.Locale;

/**
 * Which engine predicts a run. Both drive the same scenario, policy, replica lifecycle and outputs.
 *
 * <ul>
 *   <li>{@link #DES}: request-level discrete-event simulation ({@code Engine} driving {@link RouterModel});
 *       exact for the model, cost proportional to the number of requests;</li>
 *   <li>{@link #FAST}: time-stepped fluid model with stationary queueing results per step
 *       ({@code FastEngine}); cost proportional to simulated time, independent of the rate.</li>
 * </ul>
 */
public enum SimulationEngine {
    DES,
    FAST;

    /** The engine named {@code id} ({@code des} or {@code fast}); a summary without an engine (older ones) is {@code des}. */
    public static SimulationEngine of(String id) {
        if (id == null) {
            return DES;
        }
        for (SimulationEngine e : values()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("engine must be one of des, fast but was '" + id + "'");
    }

    /** The name used on the command line and in {@code summary.json}: {@code des} or {@code fast}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
