package io.headroom.planner.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.LognormalDistribution;
import io.headroom.planner.dist.ConstantDistribution;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.Service;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Same scenario and seed, same bytes; another seed, other bytes; another autoscaler, same arrivals. */
class DeterminismTest {
    private static Scenario scenario(long seed) {
        Service service = new Service(LognormalDistribution.fromMeanAndP99(Duration.ofSeconds(2), Duration.ofSeconds(6)), 2,
                Duration.ofMillis(500), Duration.ofSeconds(5), 0.01, new ConstantDistribution(Duration.ofSeconds(20)), 0.1,
                Resources.DEFAULT);
        return TestScenarios.scenario("determinism", seed, service, TestScenarios.azureml(2, 30, 0.7), Optional.empty(),
                TestScenarios.steps(Duration.ofMinutes(5), new double[][] {{0, 4}, {60, 25}, {200, 8}}));
    }

    private static String bytes(SimulationResult r) throws IOException {
        StringWriter csv = new StringWriter();
        TimelineCsv.write(r.timeline(), csv);
        return SummaryJson.toJson(r.summary()) + csv;
    }

    @Test
    void sameSeedGivesIdenticalSummaryAndTimeline() throws IOException {
        assertEquals(bytes(Simulator.run(scenario(42))), bytes(Simulator.run(scenario(42))));
    }

    @Test
    void anotherSeedGivesAnotherRun() throws IOException {
        assertNotEquals(bytes(Simulator.run(scenario(42))), bytes(Simulator.run(scenario(43))));
    }

    @Test
    void changingTheAutoscalerLeavesTheArrivalsAlone() {
        Scenario a = scenario(42);
        Scenario b = a.withAutoscaler(TestScenarios.azureml(5, 50, 0.5));
        var rowsA = Simulator.run(a).timeline();
        var rowsB = Simulator.run(b).timeline();
        for (int i = 0; i < rowsA.size(); i++) {
            assertEquals(rowsA.get(i).arrivals(), rowsB.get(i).arrivals(), "arrivals in second " + i);
        }
    }
}
