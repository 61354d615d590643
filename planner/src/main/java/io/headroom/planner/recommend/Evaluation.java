package io.headroom.planner.recommend;

import io.headroom.planner.sim.SimulationEngine;
import io.headroom.planner.timeline.Window;
import java.util.List;

/**
 * A configuration judged under several seeds.
 *
 * @param config the settings
 * @param runs seeded runs simulated
 * @param runsMeetingSlo runs that met every objective
 * @param rejected503Fraction mean 503 fraction over the runs
 * @param p99LatencyMs the worst p99 latency over the runs, in ms (0 when nothing was served)
 * @param replicaHours mean replica-hours over the runs
 * @param cost mean cost over the runs; null without a cost per replica-hour
 * @param peakReadyReplicas the most replicas ready at once in any run
 * @param missed objectives missed in at least one run, in the fixed objective order
 * @param windows the 503 windows of the first run that missed (of the first run when all met)
 * @param engine the engine that judged it: {@code des} or {@code fast} (a screening estimate, never a recommendation)
 * @param nodeHours mean node-hours over the runs, all pools together; null when the pools are fixed and unpriced
 */
public record Evaluation(Config config, int runs, int runsMeetingSlo, double rejected503Fraction, double p99LatencyMs,
        double replicaHours, Double cost, int peakReadyReplicas, List<String> missed, List<Window> windows, SimulationEngine engine,
        Double nodeHours) {
    /** An evaluation without node-hours (fixed, unpriced pools). */
    public Evaluation(Config config, int runs, int runsMeetingSlo, double rejected503Fraction, double p99LatencyMs,
            double replicaHours, Double cost, int peakReadyReplicas, List<String> missed, List<Window> windows, SimulationEngine engine) {
        this(config, runs, runsMeetingSlo, rejected503Fraction, p99LatencyMs, replicaHours, cost, peakReadyReplicas, missed, windows,
                engine, null);
    }

    public Evaluation {
        if (config == null || runs < 1 || runsMeetingSlo < 0 || runsMeetingSlo > runs) {
            throw new IllegalArgumentException("an evaluation needs a config and 0 <= runsMeetingSlo <= runs >= 1 but had "
                    + runsMeetingSlo + " of " + runs);
        }
        java.util.Objects.requireNonNull(engine, "engine");
        missed = List.copyOf(missed);
        windows = List.copyOf(windows);
    }

    /** Every run met every objective. */
    public boolean meetsSlo() {
        return runsMeetingSlo == runs;
    }
}
