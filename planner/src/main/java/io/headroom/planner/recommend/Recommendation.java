package io.headroom.planner.recommend;

import io.headroom.planner.scenario.Slo;
import io.headroom.planner.sim.SimulationEngine;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link Recommender#recommend}.
 *
 * @param slo the objectives every run had to meet
 * @param sloDefaulted true when the scenario set none and the default 503 objective was used
 * @param runs seeded runs per configuration
 * @param current the scenario's own configuration
 * @param alternatives ranked best first: meeting configurations by cost (replica-hours without a
 *     cost), fewer changes first among equals; then, clearly not meeting, the single-change probes
 *     the seed documentation suggests (a lower target alone) for comparison
 * @param searched distinct configurations simulated (each under every seed)
 * @param requestsSimulated requests the discrete-event engine simulated over all configurations and seeds (a fast
 *     screening's runs model rates, not requests)
 * @param nPlusOne N+1 per node pool for the best configuration; empty without a cluster
 * @param impossible why nothing within the bounds meets the SLO; empty when something does
 * @param shortfall when the nodes are what fall short: the best within them and the nodes that would meet
 * @param screen the engine the search ran on
 * @param judge the engine whose verdicts count: only a configuration it judged (each evaluation names its engine)
 *     can be the recommendation. The discrete-event engine, which confirms a fast screening; the fast engine only
 *     when the confirmation was declined ({@code recommend --confirm none})
 */
public record Recommendation(Slo slo, boolean sloDefaulted, int runs, Alternative current, List<Alternative> alternatives,
        int searched, long requestsSimulated, List<NPlusOne> nPlusOne, Optional<String> impossible, Optional<Shortfall> shortfall, SimulationEngine screen,
        SimulationEngine judge) {
    public Recommendation {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(current, "current");
        alternatives = List.copyOf(alternatives);
        nPlusOne = List.copyOf(nPlusOne);
        Objects.requireNonNull(impossible, "impossible");
        Objects.requireNonNull(shortfall, "shortfall");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(judge, "judge");
    }

    /**
     * The cheapest meeting configuration, the current one included; empty when none meets. The
     * alternatives listed when the current settings meet are only those that save at least
     * {@link Recommender#MIN_SAVING} (smaller differences are noise between seeds).
     */
    public Optional<Alternative> best() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(current), alternatives.stream())
                .filter(a -> a.evaluation().meetsSlo() && a.evaluation().engine() == judge)
                .min(Comparator.comparingDouble(Recommendation::price));
    }

    static double price(Alternative a) {
        Evaluation e = a.evaluation();
        return e.cost() != null ? e.cost() : e.replicaHours();
    }
}
