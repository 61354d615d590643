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

    /**
     * upstream autoscaler_test.go TestAutoscalerPanicThenUnPanicScaleDown (knative/serving 98e5ef90) as a recorded CSV of
     * exported averages: target 10 at utilization 1 (TargetValue 10, TotalValue 10), TBC 93, rates 10, ticks at upstream's
     * times shifted to 2 s; the EBC is floor(ready × 10 − 93 − panic).
     */
    @Test
    void aKnativeReplayOfExportedAveragesReproducesUpstreamsPanicThenUnpanic() throws IOException {
        Path file = dir.resolve("kn.yaml");
        Files.writeString(file, "name: replay\nservice: {serviceTime: 200ms, concurrency: 10}\nautoscaler: {policy: knative,"
                + " maxReplicas: 200, targetUtilization: 1.0, targetBurstCapacity: 93, maxScaleUpRate: 10, maxScaleDownRate: 10}"
                + "\ntraffic: {duration: 1m, profile: [{at: 0s, rps: 1}]}\n");
        Scenario s = ScenarioLoader.load(file);
        List<KnativeReplayStep> steps = AutoscalerReplay.knative(s, csv("time,ready,stable,panic\n2,1,100,100\n4,10,100,1000\n"
                + "34,10,1,1\n65,10,1,1\n")).orElseThrow();
        assertKnative(steps.get(0), 10, 1 * 10 - 93 - 100, true);
        assertKnative(steps.get(1), 100, 10 * 10 - 93 - 1000, true);
        assertKnative(steps.get(2), 100, 10 * 10 - 93 - 1, true);
        assertKnative(steps.get(3), 1, 10 * 10 - 93 - 1, false);
    }

    /** Per-second concurrency windowed by the policy; scale to zero a stable window plus the grace period after the traffic. */
    @Test
    void aKnativeReplayOfPerSecondConcurrencyScalesToZeroAfterTheStableWindowAndTheGrace() throws IOException {
        Path file = dir.resolve("kn.yaml");
        Files.writeString(file, "name: replay\nservice: {serviceTime: 200ms}\nautoscaler: {policy: knative, maxReplicas: 10,"
                + " targetUtilization: 1.0, panicThreshold: 10, stableWindow: 6s, panicWindow: 2s, scaleToZeroGracePeriod: 4s}"
                + "\ntraffic: {duration: 1m, profile: [{at: 0s, rps: 1}]}\n");
        Scenario s = ScenarioLoader.load(file);
        StringBuilder rows = new StringBuilder("time,ready,concurrency\n");
        for (int t = 1; t <= 20; t++) {
            rows.append(t).append(",1,").append(t <= 3 ? 1 : 0).append('\n');
        }
        List<KnativeReplayStep> steps = AutoscalerReplay.knative(s, csv(rows.toString())).orElseThrow();
        assertEquals(10, steps.size(), "one row per 2 s tick");
        for (KnativeReplayStep k : steps) {
            // the stable mean stays > 0 while second 3 is in the window (up to 8 s); at 10 s the decider says 0 and the PA
            // goes inactive, holding the scale for the 4 s grace; 0 at 14 s
            assertEquals(k.timeSeconds() < 14 ? 1 : 0, k.desired(), "at " + k.timeSeconds() + " s");
        }
        assertEquals("STABILIZATION", steps.get(4).limit(), "10 s: the decider's 0 waits for the grace period");
    }

    private static void assertKnative(KnativeReplayStep step, int desired, int ebc, boolean panic) {
        assertEquals(desired, step.desired(), "desired at " + step.timeSeconds());
        assertEquals(ebc, step.excessBurstCapacity(), "EBC at " + step.timeSeconds());
        assertEquals(panic, step.panic(), "panic at " + step.timeSeconds());
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
