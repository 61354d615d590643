package io.headroom.cli;

import io.headroom.planner.recommend.Recommendation;
import io.headroom.planner.recommend.Recommender;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.sim.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom bench recommend}: wall time to a recommendation, on all cores. */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Benchmark recommend: wall time to a recommendation, configurations simulated, requests per second.",
        description = {
            "Runs 'headroom recommend' on the scenario (default scenarios/launch-day.yaml) --repeat times in this process, on all cores, and prints each run's wall time, the configurations simulated and the simulated requests per second of wall time. The first run includes JIT warm-up, as a user's single invocation does.",
            ""})
final class BenchRecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The scenario timed when none is given, bundled in the jar so that it resolves from any directory. */
    static final String DEFAULT_SCENARIO = "scenarios/launch-day.yaml";

    @Parameters(paramLabel = "SCENARIO", arity = "0..1",
            description = "The scenario file (YAML or JSON). Default: launch-day.yaml as shipped in scenarios/ (bundled in the jar, so it works from any directory).")
    Path scenarioFile;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "" + Recommender.DEFAULT_RUNS,
            description = "Seeded runs per configuration (a whole number >= 1). Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Timed recommendations, one after the other (a whole number >= 1). Default: ${DEFAULT-VALUE}.")
    int repeat;

    /** The bundled launch-day scenario, loaded through the one loader from a temporary copy. */
    static Scenario bundled() {
        try (var in = BenchRecommendCommand.class.getResourceAsStream("/" + DEFAULT_SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_SCENARIO + " is missing from the jar");
            }
            Path dir = java.nio.file.Files.createTempDirectory("headroom-bench");
            Path file = dir.resolve("launch-day.yaml");
            try {
                java.nio.file.Files.copy(in, file);
                return ScenarioLoader.load(file);
            } finally {
                java.nio.file.Files.deleteIfExists(file);
                java.nio.file.Files.deleteIfExists(dir);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the bundled " + DEFAULT_SCENARIO, e);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario = scenarioFile != null ? ScenarioLoader.load(scenarioFile) : bundled();
        out.printf(Locale.ROOT, "recommend %s, %d seeds per configuration, %d cores%n",
                scenarioFile != null ? scenarioFile : DEFAULT_SCENARIO + " (bundled)", runs,
                Runtime.getRuntime().availableProcessors());
        double best = Double.MAX_VALUE;
        for (int i = 1; i <= repeat; i++) {
            long start = System.nanoTime();
            Recommendation r = Recommender.recommend(scenario, runs, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.min(best, seconds);
            out.printf(Locale.ROOT, "run %d: %.2f s wall, %d configurations x %d seeds, %,d requests (%.2f M simulated req/s); %s%n",
                    i, seconds, r.searched(), runs, r.requestsSimulated(), r.requestsSimulated() / seconds / 1e6,
                    r.best().map(a -> "best: " + a.changes()).orElse("nothing meets the SLO"));
            out.flush();
        }
        out.printf(Locale.ROOT, "best wall time: %.2f s (goal: under 30 s)%n", best);
        return ExitCode.OK;
    }
}
