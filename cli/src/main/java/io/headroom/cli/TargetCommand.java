package io.headroom.cli;

import io.headroom.loadgen.emulator.EmulatedEndpoint;
import io.headroom.loadgen.emulator.InstantEndpoint;
import io.headroom.loadgen.emulator.RunningEndpoint;
import io.headroom.planner.scenario.LoadLimits;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.traffic.Traffic;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom target}: serves an emulated autoscaled endpoint on this machine until Ctrl-C. */
@Command(name = "target", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Serve an HTTP endpoint that behaves like the scenario's autoscaled service.",
        description = {
            "Starts a real HTTP server (HTTP/1.1, keep-alive) that behaves like the endpoint the",
            "scenario describes, so a load test can be tried end to end on one machine. Every path",
            "but /metrics and /healthz is a scoring request: it takes a replica's concurrency slot",
            "for a service time drawn from service.serviceTime and is answered 200, or 502 when",
            "it draws a scoring error (errorRate), or 504 at service.timeout (the replica keeps the",
            "slot until the service time ends). With no free slot it waits in the router's FIFO",
            "queue and gets 503 when maxQueueWait passes (at once when maxQueueWait is 0s). Replicas",
            "start at minReplicas; the scenario's autoscaler runs on the wall clock and new replicas",
            "take service.startup to become ready, may crash-loop (startupFailureRate) or stay",
            "Pending when the cluster is full. The traffic section is not used: the load is yours.",
            "With policy knative, requests go through the activator (it holds them while no slot is",
            "free, or no replica is ready: a request after a scale to zero waits one startup) or",
            "straight to the replicas' queue-proxies; 504 at the revision timeout (autoscaler.timeout).",
            "",
            "GET /metrics answers JSON: uptimeMillis, ready, starting, desired, busySlots,",
            "queueLength, pending, crashLooping, limitedByMax, served, rejected503, timeout504,",
            "error502. GET /healthz answers 200.",
            "",
            "With --instant there is no scenario and no model: every request is answered 200 at once.",
            "That is the plain fast endpoint used to measure the load generator itself.",
            "",
            "When ready it prints one line, 'headroom target listening on http://HOST:PORT (...)',",
            "so scripts can read the port (useful with --port 0). Ctrl-C stops it.",
            "",
            "It listens on loopback only (127.0.0.1, ::1) unless --allow-non-loopback is given:",
            "headroom's load tests only ever target loopback, and an emulated endpoint on a real",
            "interface invites traffic from other machines into a toy that answers like production.",
            ""},
        footer = {"", "Examples:",
            "  headroom target scenarios/launch-day.yaml",
            "  headroom target scenarios/launch-day.yaml --port 0",
            "  headroom target --instant --port 9000",
            "  curl -s http://127.0.0.1:8080/metrics"})
final class TargetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..1",
            description = "The scenario file (YAML or JSON). Required unless --instant.")
    Path scenarioFile;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on: 127.0.0.1, ::1 or localhost. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--instant", description = "No scenario, no model: answer every request 200 at once.")
    boolean instant;

    @Option(names = "--allow-outside",
            description = "Let the scenario read empirical samples outside its own folder.")
    boolean allowOutsideFiles;

    @Option(names = "--allow-non-loopback",
            description = "Allow a --bind address that is not loopback (other machines can then reach it).")
    boolean allowNonLoopback;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be in [0, 65535] but was " + port);
        }
        if (instant == (scenarioFile != null)) {
            throw new ParameterException(spec.commandLine(), instant
                    ? "--instant takes no SCENARIO but was given " + scenarioFile
                    : "SCENARIO is required (or --instant for a plain 200 endpoint)");
        }
        InetSocketAddress address = new InetSocketAddress(bindAddress(), port);
        // The endpoint serves whatever it is sent: the scenario's traffic is not run, so its size is no limit here.
        Scenario scenario = instant ? null : ScenarioLoader.load(scenarioFile, new LoadLimits(Long.MAX_VALUE,
                Traffic.MAX_DURATION, 1, 1, allowOutsideFiles));
        RunningEndpoint endpoint;
        try {
            endpoint = instant ? InstantEndpoint.start(address) : EmulatedEndpoint.start(scenario, address);
        } catch (UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Thread hook = new Thread(endpoint::close, "headroom-target-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Map<String, sun.misc.SignalHandler> previous = stopOnSignals(endpoint);
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("headroom target listening on %s (%s; Ctrl-C stops)%n", endpoint.uri(),
                    instant ? "instant: every request 200 at once" : "scenario " + scenario.name());
            out.flush();
            endpoint.awaitClosed();
        } catch (InterruptedException e) {
            // Interrupted by the caller (a test, an embedding program): stop like Ctrl-C does.
            Thread.currentThread().interrupt();
        } finally {
            endpoint.close();
            removeHook(hook);
            previous.forEach((name, handler) -> sun.misc.Signal.handle(new sun.misc.Signal(name), handler));
        }
        return 0;
    }

    /**
     * SIGINT (Ctrl-C) and SIGTERM close the endpoint, and the command then returns 0 like any clean
     * stop (instead of the JVM dying with 130 or 143); a second signal exits at once with 130. Gives
     * back the handlers it replaced, to restore. Where a signal cannot be handled, the shutdown hook
     * still closes the endpoint, and the exit code is the JVM's.
     */
    @SuppressWarnings("removal")
    private static Map<String, sun.misc.SignalHandler> stopOnSignals(RunningEndpoint endpoint) {
        Map<String, sun.misc.SignalHandler> previous = new LinkedHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        for (String name : List.of("INT", "TERM")) {
            try {
                previous.put(name, sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (stopping.getAndSet(true)) {
                        Runtime.getRuntime().halt(130);
                    }
                    new Thread(endpoint::close, "headroom-target-stop").start();
                }));
            } catch (IllegalArgumentException notOnThisPlatform) {
                // the shutdown hook closes the endpoint instead
            }
        }
        return previous;
    }

    private InetAddress bindAddress() {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind must be an address of this machine but was " + bind);
        }
        if (!address.isLoopbackAddress() && !allowNonLoopback) {
            throw new ParameterException(spec.commandLine(), "--bind must be a loopback address (127.0.0.1, ::1) but was "
                    + bind + "; headroom targets only loopback, add --allow-non-loopback to serve other machines");
        }
        return address;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C): the hook is running or has run.
        }
    }
}
