package io.headroom.cli;

import io.headroom.loadgen.loadtest.Injection;
import io.headroom.loadgen.loadtest.LoadTest;
import io.headroom.loadgen.loadtest.LoadTestResult;
import io.headroom.planner.scenario.LoadLimits;
import io.headroom.planner.scenario.Scenario;
import io.headroom.loadgen.loadtest.PlanSegment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code headroom loadtest}: drive a live endpoint with the scenario's traffic and record what happens. */
@Command(name = "loadtest", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Load-test a live endpoint with the scenario's traffic, and record every request.",
        description = {
            "Runs Gatling in this process with an open injection model that replays the scenario's traffic: the very request times the simulator draws for the scenario's seed, so a prediction and a load test see the same requests at the same instants. Every request is recorded by headroom itself (when it was due, how late it was sent, its latency, its status, or that it got no response) into per-second aggregates and HdrHistograms. When the target serves /metrics as 'headroom target' does, its replica counts fill the timeline's replica columns.",
            "",
            "Writes into --out: timeline.csv, summary.json and windows.csv (the formats 'simulate' writes, kind 'observed'), latency.hlog (an HdrHistogram interval log of latency in microseconds, one interval per intended second), loadtest.json (how the generator kept to its plan) and plan.json (the plan's digest, seed and this injector's segment). Header values are never printed or written.",
            "",
            "More than one injector: --segment I/N sends only every N-th request of the plan, starting with request I, at its own time, so N injectors together send the unsplit plan exactly; --start-at TIME makes them begin together; 'headroom merge' combines their --out folders into one run. --kubernetes-job N writes (does not apply) the Kubernetes Indexed Job whose pods do exactly that.",
            "",
            "File descriptors: a test refuses to start (exit 3) when ulimit -n cannot hold 0.1 s of the plan's peak rate in flight, and stops itself (exit 5) when its open descriptors reach 85 %% of the limit.",
            "",
            "Ctrl-C, or a target that stops answering, ends the run cleanly: what was recorded is written, marked incomplete. So does the hard deadline: traffic duration + request timeout (service.timeout + 10 s, at least 60 s) + 30 s. Exit codes: 0 done; 4 the scenario's SLOs were missed; 5 the run is incomplete (130 after Ctrl-C); 2 usage; 3 invalid scenario, or more work than --max-requests / --max-timeline allow.",
            ""},
        footer = {"", "Examples:",
            "  headroom target scenarios/launch-day.yaml --port 8080 &",
            "  headroom loadtest scenarios/launch-day.yaml --target http://127.0.0.1:8080/score",
            "  headroom loadtest scenarios/launch-day.yaml --target http://127.0.0.1:8080/score --segment 0/2 --start-at 2026-12-01T14:00:00Z --out results/0",
            "  headroom loadtest scenarios/launch-day.yaml --target http://scoring.svc:8080/score --allow-non-loopback --kubernetes-job 4 --image registry.example/headroom:0.1 --start-at 2026-12-01T14:00:00Z",
            "  HEADROOM_AUTH=\"Bearer $TOKEN\" headroom loadtest scenarios/launch-day.yaml --target http://127.0.0.1:8080/score --method POST --body '{\"data\": [[0.1, 0.2]]}' --header-env Authorization=HEADROOM_AUTH"})
final class LoadtestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgs scenarioArgs;

    @Mixin
    LoadTestOptions target;

    @Mixin
    InjectorOptions injector;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the observed run. Default: out/<scenario file name>-loadtest.")
    Path out;


    @Option(names = "--kubernetes-job", paramLabel = "N",
            description = "Do not run the test: write job.yaml into --out, a Kubernetes manifest (ConfigMap with the scenario,"
                    + " results volume, Indexed Job of N pods, collector pod) whose pod I runs this load test's segment I/N from"
                    + " --start-at (required). It is not applied. See the README's 'More than one injector'.")
    Integer kubernetesJob;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "The injector pods' image, with headroom on its PATH (built from docker/Dockerfile). Default: headroom:latest.")
    String image;

    @Option(names = "--no-warm-up", description = "Skip the 3 s warm-up of the load generator (against a throwaway"
            + " loopback endpoint, never the target) that keeps a cold JVM from sending the first requests late.")
    boolean noWarmUp;

    @Override
    public Integer call() {
        Scenario scenario = scenarioArgs.load(1, LoadLimits.DEFAULT_MAX_LOAD_TEST_REQUESTS);
        var request = target.request(scenario.request());
        PrintWriter stdout = spec.commandLine().getOut();
        if (kubernetesJob != null) {
            return writeKubernetesJob(stdout);
        }
        if (image != null) {
            throw new ParameterException(spec.commandLine(), "--image is for --kubernetes-job N");
        }
        Path dir = out != null ? out : scenarioArgs.defaultOut("-loadtest");
        Injection injection = injector.injection(scenarioArgs.file);
        LoadTest test = new LoadTest(scenario, request, injection);
        stdout.printf(Locale.ROOT, "load test: %d requests over %ds against %s%n", test.plannedRequests(),
                scenario.traffic().seconds(), request);
        if (!injection.segment().whole()) {
            stdout.printf(Locale.ROOT, "segment %s: every %d-th request of the plan's %d, starting with request %d%n",
                    injection.segment(), injection.segment().count(), test.identity(null).planRequests(), injection.segment().index());
        }
        if (injection.startAt() != null) {
            stdout.printf(Locale.ROOT, "starting at %s%n", injection.startAt());
        }
        stdout.flush();
        LoadTestResult result = LoadTestRun.run(test, dir, spec.commandLine().getErr(), !noWarmUp);
        new SummaryTable(stdout).print(scenario, result.summary());
        LoadTestRun.printGenerator(stdout, result.generator());
        stdout.printf("%nWrote %s (timeline.csv, summary.json, windows.csv, latency.hlog, loadtest.json, plan.json)%n", dir);
        stdout.flush();
        if (result.incomplete()) {
            return ExitCode.INCOMPLETE;
        }
        return ExitCode.verdict(Boolean.FALSE.equals(result.summary().sloMet()));
    }

    /** {@code --kubernetes-job N}: the manifest whose pods run this command's segments; nothing is run. */
    private int writeKubernetesJob(PrintWriter stdout) {
        if (kubernetesJob < 1 || kubernetesJob > PlanSegment.MAX_COUNT) {
            throw new ParameterException(spec.commandLine(), "--kubernetes-job must be in [1, " + PlanSegment.MAX_COUNT + "] but was "
                    + kubernetesJob);
        }
        if (injector.segment != null) {
            throw new ParameterException(spec.commandLine(), "--segment and --kubernetes-job exclude each other: pod I of the job"
                    + " runs segment I/N");
        }
        if (injector.startAt == null) {
            throw new ParameterException(spec.commandLine(), "--kubernetes-job needs --start-at TIME, the instant all injectors begin"
                    + " (ISO-8601, e.g. 2026-12-01T14:00:00Z), a few minutes after you will apply the job");
        }
        if (target.method != null || target.body != null || target.bodyFile != null || !target.headers.isEmpty()
                || !target.headerEnv.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--kubernetes-job sends what the scenario's request section says:"
                    + " put method, body and headers there instead of --method, --body, --body-file, --header, --header-env"
                    + " (a secret header is not supported on Kubernetes yet)");
        }
        java.time.Instant startAt = injector.startAt();
        List<String> args = new ArrayList<>(List.of("--target", target.target, "--start-at", startAt.toString()));
        if (target.allowNonLoopback) {
            args.add("--allow-non-loopback");
        }
        if (scenarioArgs.seed != null) {
            args.addAll(List.of("--seed", scenarioArgs.seed.toString()));
        }
        if (scenarioArgs.maxRequests != null) {
            args.addAll(List.of("--max-requests", scenarioArgs.maxRequests.toString()));
        }
        if (noWarmUp) {
            args.add("--no-warm-up");
        }
        Path dir = out != null ? out : scenarioArgs.defaultOut("-kubernetes");
        KubernetesJobOutput.write(scenarioArgs.file, kubernetesJob, image != null ? image : "headroom:latest", startAt, args, dir,
                stdout);
        return ExitCode.OK;
    }
}
