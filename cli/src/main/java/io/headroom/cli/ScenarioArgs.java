package io.headroom.cli;

import io.headroom.planner.recommend.Recommender;
import io.headroom.planner.scenario.LoadLimits;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.sim.SimulationEngine;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The scenario a command works on, an optional seed that replaces the scenario's own, and the
 * limits it is loaded under (work, side files): a mixin.
 */
final class ScenarioArgs {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "The scenario file (YAML or JSON).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Seed to use instead of the scenario's own.")
    Long seed;

    @Option(names = "--max-requests", paramLabel = "N",
            description = "Refuse a scenario whose expected requests times the runs exceed N."
                    + " Default: 1000000000 (simulations), 100000000000000 (--engine fast, whose cost grows with simulated"
                    + " time, not requests), 50000000 (load tests).")
    Long maxRequests;

    @Option(names = "--max-timeline", paramLabel = "DURATION",
            description = "Refuse a traffic.duration longer than this (one timeline row per second). Default: 7d.")
    Duration maxTimeline;

    @Option(names = "--allow-outside",
            description = "Let the scenario read traces, samples and body files outside its own folder.")
    boolean allowOutsideFiles;

    /** The scenario, loaded and validated for one run of a simulation, with {@code --seed} applied. */
    Scenario load() {
        return load(1, LoadLimits.DEFAULT_MAX_SIMULATED_REQUESTS);
    }

    /**
     * The scenario, loaded and validated for {@code runs} runs on {@code engine}, with {@code --seed} applied: the
     * fast engine's cost does not grow with requests, so its default request limit only keeps rates finite.
     */
    Scenario load(long runs, SimulationEngine engine) {
        return load(runs, engine == SimulationEngine.FAST ? LoadLimits.DEFAULT_MAX_FAST_REQUESTS : LoadLimits.DEFAULT_MAX_SIMULATED_REQUESTS);
    }

    /** The scenario, loaded and validated for {@code runs} runs, with {@code --seed} applied. */
    Scenario load(long runs, long defaultMaxRequests) {
        return load(runs, 1, defaultMaxRequests);
    }

    /**
     * The scenario, loaded for a recommendation searched on {@code screen}: each of the configurations the
     * discrete-event engine will simulate runs {@code runs} times, so the work estimate counts them all — every
     * configuration of a DES search, or the confirmations of a fast screening (whose own runs cost no requests).
     * The scenario is loaded twice: the count of configurations comes from the scenario.
     */
    Scenario loadForRecommendation(long runs, Screen screen) {
        return loadForRecommendation(runs, screen, true);
    }

    /**
     * As {@link #loadForRecommendation(long, Screen)}; without the confirmation ({@code confirm} false) a fast search
     * runs no discrete-event engine at all, so only the fast engine's limit applies.
     */
    Scenario loadForRecommendation(long runs, Screen screen, boolean confirm) {
        Scenario scenario = load(runs, 1, LoadLimits.DEFAULT_MAX_FAST_REQUESTS);
        SimulationEngine engine = screen.engineFor(scenario);
        if (engine == SimulationEngine.FAST && !confirm) {
            return scenario;
        }
        long configurations = engine == SimulationEngine.DES ? Recommender.estimatedConfigurations(scenario)
                : Recommender.TYPICAL_CONFIRMATIONS;
        load(runs, configurations, LoadLimits.DEFAULT_MAX_SIMULATED_REQUESTS);
        return scenario;
    }

    private Scenario load(long runs, long configurations, long defaultMaxRequests) {
        LoadLimits limits;
        try {
            limits = new LoadLimits(maxRequests == null ? defaultMaxRequests : maxRequests,
                    maxTimeline == null ? LoadLimits.DEFAULT_MAX_TIMELINE : maxTimeline, runs, configurations, allowOutsideFiles);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--max-requests and --max-timeline must be positive: "
                    + e.getMessage());
        }
        Scenario scenario = ScenarioLoader.load(file, limits);
        return seed == null ? scenario : scenario.withSeed(seed);
    }

    /** A default output directory under {@code out/}, named after the scenario file plus {@code suffix}. */
    Path defaultOut(String suffix) {
        return Path.of("out", Names.stem(file) + suffix);
    }
}
