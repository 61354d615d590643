package io.headroom.planner.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays worked out by hand from upstream's rules (replica_calculator.go, horizontal.go's legacy path). */
class AutoscalerReplayTest {
    @TempDir
    Path dir;

    private Scenario scenario(String autoscaler) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: replay\nservice: {serviceTime: 200ms}\nautoscaler: " + autoscaler
                + "\ntraffic: {duration: 1m, profile: [{at: 0s, rps: 1}]}\n");
        return ScenarioLoader.load(file);
    }

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("observations.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void anHpaOnCpuReplaysAsUpstreamDecides() throws IOException {
        Scenario s = scenario("{policy: hpa, minReplicas: 2, maxReplicas: 20, initialReplicas: 4,"
                + " metric: {type: cpu, targetUtilization: 0.5}}");
        List<ReplayStep> steps = AutoscalerReplay.replay(s, csv("""
                time,ready,unready,missing,value
                15,4,0,0,50
                30,4,0,0,100
                45,4,4,0,150
                60,12,0,0,30
                400,12,0,0,30
                415,8,0,0,5
                720,8,0,0,5
                """));
        // 50 % of a 50 % target: within tolerance, 4.
        assertStep(steps.get(0), 4, 4, 4, "DesiredWithinRange");
        // 100 % on 4 pods: ceil(2 x 4) = 8 = the legacy limit max(2 x 4, 4).
        assertStep(steps.get(1), 8, 8, 8, "DesiredWithinRange");
        // 150 % on 4 ready, 4 unready: unready at 0, (4 x 1.5) / 8 = 75 %, ceil(1.5 x 8) = 12.
        assertStep(steps.get(2), 12, 12, 12, "DesiredWithinRange");
        // 30 % on 12: ceil(0.6 x 12) = 8, but the last 5 minutes recommended 12: it stays.
        assertStep(steps.get(3), 12, 8, 12, "DesiredWithinRange");
        // At 400 s the recommendations of 15..60 s are older than 5 minutes: 8.
        assertStep(steps.get(4), 8, 8, 8, "DesiredWithinRange");
        // 5 % on 8: ceil(0.1 x 8) = 1, held at 8 by the recommendation of 400 s.
        assertStep(steps.get(5), 8, 1, 8, "DesiredWithinRange");
        // At 720 s nothing recent is higher: 1, below minReplicas 2.
        assertStep(steps.get(6), 2, 1, 1, "TooFewReplicas");
    }

    @Test
    void anAzureMlReplayScalesUpAtOnceAndDownToTheDelaysMean() throws IOException {
        Scenario s = scenario("{policy: azureml, minReplicas: 2, maxReplicas: 30, targetUtilization: 0.7, refreshInterval: 1s,"
                + " scaleDownDelay: 3s}");
        List<ReplayStep> steps = AutoscalerReplay.replay(s, csv("time,ready,inFlight\n1,2,7\n2,2,7\n3,10,3\n4,10,3\n5,10,3\n6,10,3\n"));
        assertEquals(10, steps.get(0).desired(), "ceil(7 / 0.7) = 10 at once");
        assertEquals(10, steps.get(2).desired(), "3 of 10 slots: below target, but the change was 2 s ago");
        assertEquals(7, steps.get(3).desired(), "3 s after the change: the rows of (1 s, 4 s], ceil(mean(7, 3, 3) / 0.7) = 7");
        assertEquals(7, steps.get(5).desired(), "the next change waits 3 s more");
    }

    @Test
    void aBadCellIsLocated() throws IOException {
        Scenario s = scenario("{policy: hpa, maxReplicas: 5}");
        Path file = csv("time,ready,unready,missing,value\n15,4,0,0,50\n30,4,x,0,50\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AutoscalerReplay.replay(s, file));
        assertTrue(e.getMessage().contains("unready must be a number but was 'x' (" + file + ":3:6)"), e.getMessage());
    }

    @Test
    void aWrongHeaderListsTheColumns() throws IOException {
        Scenario s = scenario("{policy: hpa, maxReplicas: 5}");
        Path file = csv("time,ready,cpu\n15,4,50\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AutoscalerReplay.replay(s, file));
        assertTrue(e.getMessage().contains("the header's columns must be time,ready,unready,missing,value (any order) but had 'cpu' ("
                + file + ":1:12)"), e.getMessage());
    }

    @Test
    void timeMustIncrease() throws IOException {
        Scenario s = scenario("{policy: hpa, maxReplicas: 5}");
        Path file = csv("time,ready,unready,missing,value\n30,4,0,0,50\n15,4,0,0,50\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AutoscalerReplay.replay(s, file));
        assertTrue(e.getMessage().contains("time must increase") && e.getMessage().contains(file + ":3:1"), e.getMessage());
    }

    private static void assertStep(ReplayStep step, int desired, long proposed, long stabilized, String limit) {
        String at = "at " + step.timeSeconds() + " s: " + step;
        assertEquals(desired, step.desired(), at);
        assertEquals(proposed, step.proposed(), at);
        assertEquals(stabilized, step.stabilized(), at);
        assertEquals(limit, step.limit(), at);
    }
}
