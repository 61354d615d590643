package io.headroom.planner.sim;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.timeline.LatencySummary;
import io.headroom.planner.timeline.SloVerdict;
import io.headroom.planner.timeline.Slos;
import io.headroom.planner.timeline.PoolNodes;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Totals;
import io.headroom.planner.timeline.Window;
import io.headroom.planner.timeline.LatencyWindows;
import io.headroom.planner.timeline.Windows;
import io.headroom.planner.traffic.ArrivalStream;
import java.util.List;

/**
 * Predicts a scenario: a request-level discrete-event simulation of the service, its router queue,
 * its replicas and its autoscaler (see {@link Engine} for the model). Deterministic: the same
 * scenario and seed give the same result, to the byte once written.
 */
public final class Simulator {
    private Simulator() {
    }

    /** Runs {@code scenario} with its own seed. */
    public static SimulationResult run(Scenario scenario) {
        return run(scenario, Progress.NONE);
    }

    /** Runs {@code scenario} with its own seed, telling {@code progress} as simulated time passes. */
    public static SimulationResult run(Scenario scenario, Progress progress) {
        return run(scenario, SimulationEngine.DES, progress);
    }

    /** Runs {@code scenario} with its own seed on {@code engine}. */
    public static SimulationResult run(Scenario scenario, SimulationEngine engine) {
        return run(scenario, engine, Progress.NONE);
    }

    /** Runs {@code scenario} with its own seed on {@code engine}, telling {@code progress} as simulated time passes. */
    public static SimulationResult run(Scenario scenario, SimulationEngine engine, Progress progress) {
        RandomStreams streams = RandomStreams.of(scenario.seed());
        return switch (engine) {
            case DES -> {
                RunRecorder r = new Engine(scenario, streams, progress).run();
                yield result(scenario, engine, r.rows(), LatencySummary.of(r.latencyMicros()), r.log(), r.queued(), r.queueWaitNanos());
            }
            case FAST -> {
                FluidRecorder r = new FastEngine(scenario, streams, progress).run();
                yield result(scenario, engine, r.rows(), LatencySummary.of(r.latencyMicros()), r.log(), r.queued(), r.queueWaitNanos());
            }
        };
    }

    private static SimulationResult result(Scenario scenario, SimulationEngine engine, List<TimelineRow> rows, LatencySummary latency,
            RunLog log, long queued, long queueWaitNanos) {
        double replicaHours = log.replicaHours();
        Totals totals = Totals.of(rows);
        Double cost = scenario.cost().map(c -> c.perReplicaHour() * replicaHours).orElse(null);
        for (PoolNodes pool : log.nodePools()) {
            if (pool.cost() != null) {
                cost = (cost == null ? 0 : cost) + pool.cost();
            }
        }
        List<Window> windows = Windows.find(rows, Windows.DEFAULT_MERGE_GAP_SECONDS);
        List<SloVerdict> verdicts = Slos.judge(scenario.slo(), totals.rejected503Fraction(), latency);
        long requests = totals.requests();
        Summary summary = new Summary(scenario.name(), "predicted", engine.id(), scenario.seed(), scenario.traffic().seconds(), totals,
                queued, requests == 0 ? 0.0 : queueWaitNanos / 1e6 / requests, latency, replicaHours, cost, log.peakReady(),
                verdicts, windows, LatencyWindows.of(scenario, rows), log.events(),
                false).withNodePools(log.nodePools());
        return new SimulationResult(summary, rows);
    }

    /**
     * The request times a run of {@code scenario} uses, in nanoseconds since the start: the very
     * arrivals the simulator draws for the scenario's seed, so a load test can send the same
     * requests at the same instants.
     */
    public static ArrivalStream arrivals(Scenario scenario) {
        return arrivals(scenario, RandomStreams.of(scenario.seed()));
    }

    static ArrivalStream arrivals(Scenario scenario, RandomStreams streams) {
        return new ArrivalStream(scenario.traffic().shape().rate(), scenario.traffic().arrivals(), streams.arrivals(),
                scenario.traffic().duration().toNanos() / 1e9);
    }

}
