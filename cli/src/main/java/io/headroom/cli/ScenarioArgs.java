package io.headroom.cli;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario a command works on, and an optional seed that replaces the scenario's own: a mixin. */
final class ScenarioArgs {
    @Parameters(paramLabel = "SCENARIO", description = "The scenario file (YAML or JSON).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Seed to use instead of the scenario's own.")
    Long seed;

    /** The scenario, loaded and validated, with {@code --seed} applied. */
    Scenario load() {
        Scenario scenario = ScenarioLoader.load(file);
        return seed == null ? scenario : scenario.withSeed(seed);
    }

    /** A default output directory under {@code out/}, named after the scenario file plus {@code suffix}. */
    Path defaultOut(String suffix) {
        return Path.of("out", Names.stem(file) + suffix);
    }
}
