package io.headroom.cli;

import io.headroom.planner.recommend.Recommendation;
import io.headroom.planner.recommend.Recommender;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.RunSpread;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code headroom recommend}: the cheapest settings that meet the scenario's SLOs. */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Recommend the cheapest autoscaler and cluster settings that meet the SLOs.",
        description = {
            "Searches minReplicas (a warm pool), targetUtilization (scale earlier), maxReplicas (when the cap binds) and the node count (when replicas stay Pending) — for a static policy, the replica count — with the simulator, bounded by the sizing rule at the peak rate and bisecting where more capacity never hurts. A configuration meets the SLOs when every one of --runs seeded runs does; the cheapest (cost, else replica-hours) comes first. Without SLOs in the scenario, a 503 objective of 0.1 %% is used. With a cluster it also prints N+1: the nodes needed to lose one node at peak.",
            "",
            "Large services: with --screen fast (auto picks it from " + "5 million" + " expected requests per run) the search runs on the fast engine, and the discrete-event engine then confirms its best candidates, each until its first seed that misses; only a confirmed configuration is recommended, and every row says which engine judged it.",
            "",
            "Exits 4 when nothing within the bounds (replicas up to 4x the peak need, nodes up to 4x the current count) meets the SLOs, naming the constraint that cannot be met.",
            ""},
        footer = {"", "Examples:",
            "  headroom recommend scenarios/launch-day.yaml",
            "  headroom recommend scenarios/gpu-cluster-full.yaml --runs 10 --format json"})
final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgs scenarioArgs;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "" + Recommender.DEFAULT_RUNS,
            description = "Seeded runs per configuration; all must meet the SLOs. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--screen", paramLabel = "ENGINE", defaultValue = "auto",
            description = "auto, des or fast: the engine the search runs on (fast: confirmed by des). Default: ${DEFAULT-VALUE}.")
    Screen screen;

    @Option(names = "--confirm", paramLabel = "ENGINE", defaultValue = "des",
            description = "des or none: whether the discrete-event engine confirms a fast search (des: only what it confirms is"
                    + " recommended; none: the fast engine judges every configuration on all --runs seeds and its verdicts are the"
                    + " answer, for services so large that the confirmation would take hours, e.g. a day at 100k rps)."
                    + " Default: ${DEFAULT-VALUE}.")
    Confirm confirm;

    /** {@code --confirm}. */
    enum Confirm { des, none }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Override
    public Integer call() {
        if (runs < 1 || runs > RunSpread.MAX_RUNS) {
            throw new ParameterException(spec.commandLine(), "--runs must be in [1, " + RunSpread.MAX_RUNS + "] but was " + runs);
        }
        boolean confirmed = confirm == Confirm.des;
        Scenario scenario = scenarioArgs.loadForRecommendation(runs, screen, confirmed);
        Recommendation r;
        try (ProgressBar progress = ProgressBar.onTerminal(spec.commandLine().getErr(), "searching")) {
            r = Recommender.recommend(scenario, runs, screen.engineFor(scenario), confirmed, progress);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            stdout.print(RecommendJson.of(scenario.name(), r));
        } else {
            new RecommendTable(stdout).print(scenario.name(), r);
        }
        stdout.flush();
        if (r.impossible().isPresent()) {
            spec.commandLine().getErr().println("recommend: nothing within the bounds meets the SLO: " + r.impossible().get());
            return ExitCode.VERDICT_FAILED;
        }
        return ExitCode.OK;
    }
}
