package io.headroom.cli;

import io.headroom.planner.replay.AutoscalerReplay;
import io.headroom.planner.replay.KnativeReplayStep;
import io.headroom.planner.replay.ReplayStep;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom autoscaler replay}: the scenario's autoscaler, sync by sync, on observed metrics. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        header = "What the scenario's autoscaler would have decided, sync by sync, given observed metrics.",
        description = {
            "Reads one row per controller sync from --observations (a CSV with a header) and runs it through the same calculator, controller and policies the simulator uses; the controller's current count is its own previous decision, starting at the scenario's initial count. For the question 'why did my HPA not scale?'.",
            "",
            "Columns for an hpa: time (seconds since the start), ready (ready pods with a metric sample), unready (pods that exist but are not ready, or are still inside the CPU initialization period), missing (running pods without a metric sample), value (the metric over the ready pods: cpu utilization in percent of the request, e.g. 85; concurrency or rps the per-pod average; external the total).",
            "",
            "Columns for azureml: time, ready, inFlight (busy + queued requests averaged over the refresh interval before the row). For static: time, ready.",
            "",
            "Columns for knative: time, ready, stable, panic (one row per decider tick, the averaged concurrency as the autoscaler exports it in stable_request_concurrency and panic_request_concurrency), or time, ready, concurrency (one row per second with the revision's total in flight; the policy windows it and decides at every multiple of tickInterval). Output per tick: time, desired (the decider's value after scale to zero and min/max, as the deployment would be set), excessBurstCapacity, panic (true while in panic mode).",
            "",
            "Output per row (hpa, azureml, static): time, desired (the final count), proposed (what the metric asked for), stabilized (after stabilization), limit (upstream's reason for an hpa: ScaleUpLimit, ScaleDownLimit, TooManyReplicas, TooFewReplicas, DesiredWithinRange, FailedGetMetrics).",
            ""},
        footer = {"", "Examples:",
            "  headroom autoscaler replay scenarios/hpa-cpu-launch.yaml --observations scenarios/traces/hpa-cpu-syncs.csv",
            "  headroom autoscaler replay scenarios/hpa-cpu-launch.yaml --observations scenarios/traces/hpa-cpu-syncs.csv --format csv"})
final class AutoscalerReplayCommand implements Callable<Integer> {
    /** How the replay prints. */
    enum Format {
        table, csv, json
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "The scenario file (YAML or JSON) whose autoscaler to replay.")
    Path scenarioFile;

    @Option(names = "--observations", required = true, paramLabel = "FILE.csv",
            description = "One row per controller sync, with a header row (columns above).")
    Path observations;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        PrintWriter out = spec.commandLine().getOut();
        Optional<List<KnativeReplayStep>> knative = AutoscalerReplay.knative(scenario, observations);
        if (knative.isPresent()) {
            printKnative(out, scenario, knative.get());
            out.flush();
            return ExitCode.OK;
        }
        List<ReplayStep> steps = AutoscalerReplay.replay(scenario, observations);
        switch (format) {
            case csv -> {
                out.println("time,desired,proposed,stabilized,limit");
                steps.forEach(s -> out.println(String.format(Locale.ROOT, "%s,%d,%d,%d,%s", number(s.timeSeconds()), s.desired(),
                        s.proposed(), s.stabilized(), s.limit())));
            }
            case json -> {
                out.println("[");
                for (int i = 0; i < steps.size(); i++) {
                    ReplayStep s = steps.get(i);
                    out.println(String.format(Locale.ROOT, "  {\"time\": %s, \"desired\": %d, \"proposed\": %d, \"stabilized\": %d,"
                            + " \"limit\": \"%s\"}%s", number(s.timeSeconds()), s.desired(), s.proposed(), s.stabilized(), s.limit(),
                            i + 1 < steps.size() ? "," : ""));
                }
                out.println("]");
            }
            default -> {
                out.println(scenario.name() + ": " + scenario.autoscaler().policy() + " replayed on " + steps.size() + " syncs from "
                        + observations);
                out.println();
                out.println(String.format(Locale.ROOT, "  %8s  %8s  %8s  %10s  %s", "time", "desired", "proposed", "stabilized", "limit"));
                steps.forEach(s -> out.println(String.format(Locale.ROOT, "  %8s  %8d  %8d  %10d  %s", number(s.timeSeconds()),
                        s.desired(), s.proposed(), s.stabilized(), s.limit())));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private void printKnative(PrintWriter out, Scenario scenario, List<KnativeReplayStep> steps) {
        switch (format) {
            case csv -> {
                out.println("time,desired,excessBurstCapacity,panic");
                steps.forEach(s -> out.println(String.format(Locale.ROOT, "%s,%d,%d,%b", number(s.timeSeconds()), s.desired(),
                        s.excessBurstCapacity(), s.panic())));
            }
            case json -> {
                out.println("[");
                for (int i = 0; i < steps.size(); i++) {
                    KnativeReplayStep s = steps.get(i);
                    out.println(String.format(Locale.ROOT, "  {\"time\": %s, \"desired\": %d, \"excessBurstCapacity\": %d, \"panic\": %b}%s",
                            number(s.timeSeconds()), s.desired(), s.excessBurstCapacity(), s.panic(), i + 1 < steps.size() ? "," : ""));
                }
                out.println("]");
            }
            default -> {
                out.println(scenario.name() + ": knative replayed on " + steps.size() + " ticks from " + observations);
                out.println();
                out.println(String.format(Locale.ROOT, "  %8s  %8s  %19s  %5s  %s", "time", "desired", "excessBurstCapacity", "panic",
                        "limit"));
                steps.forEach(s -> out.println(String.format(Locale.ROOT, "  %8s  %8d  %19d  %5b  %s", number(s.timeSeconds()),
                        s.desired(), s.excessBurstCapacity(), s.panic(), s.limit())));
            }
        }
    }

    private static String number(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
