package io.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.StaticSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssumptionsTest {
    @Test
    void azureMlDefaultsStateTheModelWithTheScenariosNumbers() {
        String all = String.join("\n", Assumptions.of(ReportScenarios.launchSpike("s")));
        for (String expected : List.of("Utilization = (busy + queued) / (ready replicas × concurrency), as azureml-fe measures it",
                "one step adds as many as needed", "scale-down delay (1m)", "maxQueueWait (500ms) in the router queue get 503",
                "a timed-out request (504) holds its replica until its scoring finishes", "Crash-looping replicas never become ready",
                "The run starts with 2 warm replicas (initialReplicas)",
                "averaged over the refresh interval (1s)", "the need of that average", "Outcomes are counted in the second the request was sent",
                "Latency percentiles are of requests a replica served (ok, 504, 502)", "1m30s (constant)")) {
            assertTrue(all.contains(expected), "missing: " + expected + "\n" + all);
        }
    }

    @Test
    void staticPolicySaysNothingScales() {
        String all = String.join("\n", Assumptions.of(ReportScenarios.launchSpike("s").withAutoscaler(new StaticSpec(8))));
        assertTrue(all.contains("fixed at 8"), all);
        assertTrue(!all.contains("azureml-fe"), all);
    }
}
