package io.headroom.planner.sim;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.timeline.LatencySummary;
import io.headroom.planner.timeline.SloVerdict;
import io.headroom.planner.timeline.Slos;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Totals;
import io.headroom.planner.timeline.Window;
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
        RunRecorder recorder = new Engine(scenario, RandomStreams.of(scenario.seed()), progress).run();
        List<TimelineRow> rows = recorder.rows();
        Totals totals = Totals.of(rows);
        LatencySummary latency = LatencySummary.of(recorder.latencyMicros());
        double replicaHours = recorder.replicaHours();
        Double cost = scenario.cost().map(c -> c.perReplicaHour() * replicaHours).orElse(null);
        List<Window> windows = Windows.find(rows, Windows.DEFAULT_MERGE_GAP_SECONDS);
        List<SloVerdict> verdicts = Slos.judge(scenario.slo(), totals.rejected503Fraction(), latency);
        long requests = totals.requests();
        Summary summary = new Summary(scenario.name(), "predicted", scenario.seed(), scenario.traffic().seconds(), totals, recorder.queued(),
                requests == 0 ? 0.0 : recorder.queueWaitNanos() / 1e6 / requests, latency, replicaHours, cost, recorder.peakReady(),
                verdicts, windows, recorder.events(), false);
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
