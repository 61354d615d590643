package io.headroom.reports;

import io.headroom.planner.recommend.Recommendation;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.SeedBands;
import io.headroom.planner.sim.SimulationResult;
import io.headroom.planner.time.Clock;
import io.headroom.planner.timeline.Window;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a capacity review shows. Start from {@link #of} and add what you have with the
 * {@code with...} methods.
 *
 * @param scenario the scenario that was simulated (and load-tested)
 * @param predicted the simulation's result
 * @param observed the load test's result, when there is one
 * @param sizing facts of the sizing section, in order; empty when sizing was not computed
 * @param recommendations what would have prevented a predicted 503 window, keyed by the window; a
 *     window without one gets a default derived from its cause
 * @param assumptions the modelling choices, in plain words ({@link Assumptions#of} by default)
 * @param recommendation the ranked alternatives of {@code headroom recommend}, for the "What to change" section; empty
 *     when they were not computed
 * @param bands the prediction over several seeds (its first run is {@code predicted}): p5–p95 bands on the charts and the
 *     spread in the headline; empty for a single run
 */
public record ReportInput(Scenario scenario, SimulationResult predicted, Optional<ObservedRun> observed, List<Fact> sizing,
        Map<Window, String> recommendations, List<String> assumptions, Optional<Recommendation> recommendation,
        Optional<SeedBands> bands) {
    /** Without a recommendation or bands (the shape before the "What to change" section existed). */
    public ReportInput(Scenario scenario, SimulationResult predicted, Optional<ObservedRun> observed, List<Fact> sizing,
            Map<Window, String> recommendations, List<String> assumptions) {
        this(scenario, predicted, observed, sizing, recommendations, assumptions, Optional.empty(), Optional.empty());
    }

    public ReportInput {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(observed, "observed");
        sizing = List.copyOf(sizing);
        recommendations = Map.copyOf(recommendations);
        assumptions = List.copyOf(assumptions);
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(bands, "bands");
    }

    /** How times print in this report: the scenario's {@code traffic.start}, else elapsed time. */
    public Clock clock() {
        return scenario.traffic().clock();
    }

    /** A report of a simulation alone: no observed run, no sizing, default recommendations and assumptions. */
    public static ReportInput of(Scenario scenario, SimulationResult predicted) {
        return new ReportInput(scenario, predicted, Optional.empty(), List.of(), Map.of(), Assumptions.of(scenario));
    }

    public ReportInput withObserved(ObservedRun run) {
        return new ReportInput(scenario, predicted, Optional.of(run), sizing, recommendations, assumptions, recommendation, bands);
    }

    public ReportInput withSizing(List<Fact> facts) {
        return new ReportInput(scenario, predicted, observed, facts, recommendations, assumptions, recommendation, bands);
    }

    public ReportInput withRecommendations(Map<Window, String> byWindow) {
        return new ReportInput(scenario, predicted, observed, sizing, byWindow, assumptions, recommendation, bands);
    }

    /** Adds the ranked alternatives of a recommendation (the "What to change" section). */
    public ReportInput withRecommendation(Recommendation r) {
        return new ReportInput(scenario, predicted, observed, sizing, recommendations, assumptions, Optional.of(r), bands);
    }

    /** Adds the prediction's spread over seeds (p5–p95 bands on the charts). */
    public ReportInput withBands(SeedBands b) {
        return new ReportInput(scenario, predicted, observed, sizing, recommendations, assumptions, recommendation, Optional.of(b));
    }

    public ReportInput withAssumptions(List<String> statements) {
        return new ReportInput(scenario, predicted, observed, sizing, recommendations, statements, recommendation, bands);
    }
}
