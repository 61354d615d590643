package io.headroom.reports;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.SimulationResult;
import java.nio.file.Path;
import java.util.List;

/** Writes a sample report for a human to look at: {@code SampleReport <outDir> [observed]}. Not a test. */
public final class SampleReport {
    private SampleReport() {
    }

    public static void main(String[] args) {
        Scenario sc = ReportScenarios.launchSpike("scoring-service launch day");
        SimulationResult predicted = ReportScenarios.simulate(sc);
        ReportInput in = ReportInput.of(sc, predicted).withSizing(List.of(new Fact("replicas for 40 rps at 70 %", "115")));
        if (args.length > 1) {
            in = in.withObserved(ReportScenarios.observedFrom(predicted, 4));
        }
        System.out.println(CapacityReport.write(in, Path.of(args[0])));
    }
}
