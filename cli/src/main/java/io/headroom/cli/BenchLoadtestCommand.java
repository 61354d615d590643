package io.headroom.cli;

import io.headroom.loadgen.loadtest.GeneratorReport;
import io.headroom.loadgen.loadtest.LoadTest;
import io.headroom.loadgen.loadtest.LoadTestRequest;
import io.headroom.loadgen.loadtest.LoadTestResult;
import io.headroom.loadgen.loadtest.ObservedRecorder;
import io.headroom.loadgen.loadtest.WarmUp;
import io.headroom.loadgen.emulator.EmulatedEndpoint;
import io.headroom.loadgen.emulator.InstantEndpoint;
import io.headroom.loadgen.emulator.RunningEndpoint;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.sim.Progress;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code headroom bench loadtest}: how closely the load generator holds a rate, on this machine, on loopback. */
@Command(name = "loadtest", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Benchmark the load generator: achieved vs planned rate and start lag, against loopback endpoints.",
        description = {
            "For each rate, runs a real load test (Gatling in this JVM, Poisson arrivals) against two endpoints it starts on 127.0.0.1 itself: 'headroom target --instant' (answers 200 at once: the plain fast endpoint) and 'headroom target' emulating a scenario with ample capacity (1 ms service, 10,000 slots: no 503s). Prints planned and achieved rate, the start lag p99 (how late requests were sent) and requests without a response, and the recorder's own cost per request. Generator and endpoints share this machine's cores.",
            ""})
final class BenchLoadtestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rates", paramLabel = "RPS[,RPS...]", split = ",", defaultValue = "1000,5000,10000,20000",
            description = "Rates to try, whole requests per second, comma-separated. Default: ${DEFAULT-VALUE}.")
    List<Integer> rates;

    @Option(names = "--seconds", paramLabel = "SECONDS", defaultValue = "10",
            description = "Length of each run, whole seconds. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "recorder: %.0f ns per recorded request (one thread, 2,000,000 requests)%n", recorderNanosPerRequest());
        out.printf(Locale.ROOT, "%n%-10s %8s %10s %10s %8s %12s %10s  %s%n", "endpoint", "rps", "planned", "achieved", "ratio",
                "lag p99 ms", "no answer", "warnings");
        out.flush();
        out.println("warming up (5 s at 2,000 requests/s against a throwaway loopback endpoint) ...");
        out.flush();
        WarmUp.run(2000, Duration.ofSeconds(5));
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        Map<String, Function<Scenario, RunningEndpoint>> endpoints = new java.util.LinkedHashMap<>();
        endpoints.put("instant", s -> InstantEndpoint.start(loopback));
        endpoints.put("emulated", s -> EmulatedEndpoint.start(s, loopback));
        for (int rate : rates) {
            for (Map.Entry<String, Function<Scenario, RunningEndpoint>> e : endpoints.entrySet()) {
                Scenario scenario = scenario(rate);
                try (RunningEndpoint endpoint = e.getValue().apply(scenario)) {
                    LoadTestRequest request = new LoadTestRequest(URI.create(endpoint.uri() + "/score"), "GET", null, Map.of());
                    LoadTestResult result = new LoadTest(scenario, request).run(Progress.NONE);
                    GeneratorReport g = result.generator();
                    out.printf(Locale.ROOT, "%-10s %8d %10.1f %10.1f %8.3f %12.1f %10d  %s%n", e.getKey(), rate, g.plannedRps(),
                            g.achievedRps(), g.achievedRps() / g.plannedRps(), g.startLagP99Ms(), g.noResponses(),
                            g.warnings().isEmpty() ? "-" : String.join("; ", g.warnings()));
                    out.flush();
                }
            }
        }
        return ExitCode.OK;
    }

    private Scenario scenario(int rate) {
        Service service = new Service(new ConstantDistribution(Duration.ofMillis(1)), 100, Duration.ofMillis(500),
                Duration.ofSeconds(60), 0, new ConstantDistribution(Duration.ZERO), 0, Resources.DEFAULT);
        return new Scenario("bench " + rate + " rps", rate, service, new StaticSpec(100), Optional.empty(),
                new Traffic(Duration.ofSeconds(seconds), ArrivalProcess.POISSON,
                        new RateProfile(List.of(new Segment.Step(Duration.ZERO, rate)))), Slo.NONE, Optional.empty(), "bench");
    }

    /** The recorder's cost per request: status, lag and latency histograms, per-second counters. */
    private static double recorderNanosPerRequest() {
        int requests = 2_000_000;
        ObservedRecorder recorder = new ObservedRecorder(100, requests, 120_000_000L);
        for (int warm = 0; warm < 2; warm++) {
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                long due = (long) i * 50_000L;
                recorder.sent(due);
                recorder.response(i, due, 1_000_000L + (i & 1023) * 1000L, 2_000L + (i & 4095), (i & 15) == 0 ? 503 : 200);
                recorder.finished(i, due);
            }
            if (warm == 1) {
                return (System.nanoTime() - start) / (double) requests;
            }
            recorder = new ObservedRecorder(100, requests, 120_000_000L);
        }
        throw new IllegalStateException("unreachable");
    }
}
