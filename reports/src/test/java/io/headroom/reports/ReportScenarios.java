package io.headroom.reports;

import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.dist.LognormalDistribution;
import io.headroom.planner.scenario.Cost;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.sim.SimulationResult;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.timeline.LatencySummary;
import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Windows;
import io.headroom.planner.traffic.ArrivalProcess;
import io.headroom.planner.traffic.RateProfile;
import io.headroom.planner.traffic.Segment;
import io.headroom.planner.traffic.Traffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Scenarios and runs built in code for report tests (the scenario loader is not needed). */
final class ReportScenarios {
    private ReportScenarios() {
    }

    /**
     * A launch spike: 5 rps, then 40 rps from 10:00 for 5 minutes, back to 5 rps; 2 s lognormal service
     * (cv 0.5); azureml 2..60 replicas; 90 s startup; 20 minutes of traffic.
     */
    static Scenario launchSpike(String name) {
        Service service = new Service(new LognormalDistribution(Duration.ofSeconds(2), 0.5), 1, Duration.ofMillis(500),
                Duration.ofSeconds(60), 0.001, new ConstantDistribution(Duration.ofSeconds(90)), 0, Resources.DEFAULT);
        Traffic traffic = new Traffic(Duration.ofMinutes(20), ArrivalProcess.POISSON, new RateProfile(List.of(
                new Segment.Step(Duration.ZERO, 5), new Segment.Step(Duration.ofMinutes(10), 40),
                new Segment.Step(Duration.ofMinutes(15), 5))));
        Slo slo = new Slo(OptionalDouble.of(0.001), Optional.empty(), Optional.empty(), Optional.of(Duration.ofSeconds(8)));
        return new Scenario(name, 42, service, new AzureMlSpec(2, 60, 0.7, Duration.ofSeconds(1), Duration.ofSeconds(60)),
                Optional.empty(), traffic, slo, Optional.of(new Cost(0.9)), "test:launch-spike");
    }

    static SimulationResult simulate(Scenario scenario) {
        return Simulator.run(scenario);
    }

    /** The launch spike simulated once per test JVM (the name does not change the run). */
    static SimulationResult launchSpikeRun() {
        return Cached.LAUNCH_SPIKE;
    }

    private static final class Cached {
        static final SimulationResult LAUNCH_SPIKE = Simulator.run(launchSpike("launch"));
    }

    /**
     * A stand-in for an observed run: the predicted timeline with 503s moved {@code shiftSeconds} later
     * (a load test that saw the same window a little late), no replica columns.
     */
    static ObservedRun observedFrom(SimulationResult predicted, int shiftSeconds) {
        List<TimelineRow> in = predicted.timeline();
        List<TimelineRow> out = new ArrayList<>();
        for (int s = 0; s < in.size(); s++) {
            TimelineRow r = in.get(s);
            long rejected = s - shiftSeconds >= 0 ? in.get(s - shiftSeconds).rejected503() : 0;
            long ok = Math.max(0, r.arrivals() - rejected - r.timeout504() - r.error502());
            rejected = r.arrivals() - ok - r.timeout504() - r.error502();
            out.add(new TimelineRow(s, r.arrivals(), ok, rejected, r.timeout504(), r.error502(),
                    r.latencyP50Ms() * 1.1, r.latencyP99Ms() * 1.2, null));
        }
        Summary p = predicted.summary();
        long requests = out.stream().mapToLong(TimelineRow::arrivals).sum();
        long r503 = out.stream().mapToLong(TimelineRow::rejected503).sum();
        LatencySummary lat = p.latencyMs();
        Summary summary = new Summary(p.scenario(), "observed", null, p.seed(), p.durationSeconds(), requests, requests - r503
                - p.timeout504() - p.error502(), r503, p.timeout504(), p.error502(), r503 / (double) requests,
                p.timeout504Fraction(), p.error502Fraction(), null, null,
                new LatencySummary(lat.p50() * 1.1, lat.p90() * 1.1, lat.p99() * 1.2, lat.max()), null, null, null, null,
                List.of(), Windows.find(out, Windows.DEFAULT_MERGE_GAP_SECONDS), List.of(), List.of(), false);
        return new ObservedRun(summary, out);
    }

    /** A synthetic predicted run of {@code seconds} seconds (no simulation), with a 503 burst every hour. */
    static SimulationResult synthetic(Scenario scenario, int seconds) {
        List<TimelineRow> rows = new ArrayList<>(seconds);
        for (int s = 0; s < seconds; s++) {
            long arrivals = 5 + (s / 600) % 7;
            long rejected = s % 3600 < 30 && s >= 3600 ? 2 : 0;
            rows.add(new TimelineRow(s, arrivals, arrivals - rejected, rejected, 0, 0, 2000 + s % 50, 5000 + s % 300,
                    new ReplicaSample(2 + (s / 900) % 4, s % 3600 < 90 ? 1 : 0, 3 + (s / 900) % 4, 3, 0, 0, 0, false)));
        }
        long requests = rows.stream().mapToLong(TimelineRow::arrivals).sum();
        long r503 = rows.stream().mapToLong(TimelineRow::rejected503).sum();
        Summary summary = new Summary(scenario.name(), "predicted", "des", scenario.seed(), seconds, requests, requests - r503, r503, 0, 0,
                r503 / (double) requests, 0, 0, 0L, 0.0, new LatencySummary(2000.0, 3000.0, 5000.0, 9000.0), 100.0, 90.0, 5, null,
                List.of(), Windows.find(rows, Windows.DEFAULT_MERGE_GAP_SECONDS), List.of(), List.of(), false);
        return new SimulationResult(summary, rows);
    }
}
