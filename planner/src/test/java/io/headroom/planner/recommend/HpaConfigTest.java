package io.headroom.planner.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recommendation searches an hpa's target in slot utilization and writes it back as the metric's own setting. */
class HpaConfigTest {
    @TempDir
    Path dir;

    private Scenario load(String service, String metric) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: h\nservice: " + service + "\nautoscaler: {policy: hpa, minReplicas: 2, maxReplicas: 30, metric: "
                + metric + "}\ntraffic: {duration: 1m, profile: [{at: 0s, rps: 5}]}\n");
        return ScenarioLoader.load(file);
    }

    @Test
    void concurrencyTargetsAreASlotShareOfTheReplicasConcurrency() throws IOException {
        Scenario s = load("{serviceTime: 400ms, concurrency: 4}", "{type: concurrency, targetAverage: 3}");
        Config now = Config.of(s);
        assertEquals(0.75, now.targetUtilization(), 1e-12, "3 in flight of 4 slots");
        assertEquals(3, ((HpaSpec) now.applyTo(s).autoscaler()).metric().target(), 1e-12, "the round trip keeps the setting");
        Config lower = now.withTarget(0.5);
        assertEquals(2, ((HpaSpec) lower.applyTo(s).autoscaler()).metric().target(), 1e-12);
        assertEquals("metric.targetAverage 3 → 2", lower.changesFrom(now));
    }

    @Test
    void rpsTargetsDivideByTheServiceTime() throws IOException {
        Scenario s = load("{serviceTime: 200ms, concurrency: 2}", "{type: rps, targetAverage: 8}");
        Config now = Config.of(s);
        assertEquals(0.8, now.targetUtilization(), 1e-12, "8 rps x 0.2 s / 2 slots");
        assertEquals(5, ((HpaSpec) now.withTarget(0.5).applyTo(s).autoscaler()).metric().target(), 1e-12, "0.5 x 2 / 0.2 s");
    }

    @Test
    void aShorterScaleDownWindowIsProposedWhenItSavesReplicaHoursAndStillMeets() throws IOException {
        Path file = dir.resolve("calm.yaml");
        Files.writeString(file, """
                name: calm after a peak
                seed: 3
                service: {serviceTime: {distribution: exponential, mean: 200ms}, startup: 20s}
                autoscaler: {policy: hpa, minReplicas: 2, maxReplicas: 60, metric: {type: concurrency, targetAverage: 0.7}}
                traffic: {duration: 20m, profile: [{at: 0s, rps: 5}, {at: 2m, rampTo: 60, over: 3m}, {at: 7m, rps: 5}]}
                slo: {max503Fraction: 0.05}
                """);
        Scenario s = ScenarioLoader.load(file);
        Recommendation r = Recommender.recommend(s, 3, io.headroom.planner.sim.Progress.NONE);
        assertTrue(r.current().evaluation().meetsSlo(), "the legacy path meets a lenient SLO");
        Alternative shorter = r.alternatives().stream()
                .filter(a -> a.changes().contains("behavior.scaleDown.stabilizationWindow 5m → 1m")).findFirst()
                .orElseThrow(() -> new AssertionError("no shorter window among " + r.alternatives().stream().map(Alternative::changes).toList()));
        assertTrue(shorter.evaluation().meetsSlo());
        assertTrue(shorter.evaluation().replicaHours() <= 0.95 * r.current().evaluation().replicaHours(),
                shorter.evaluation().replicaHours() + " vs " + r.current().evaluation().replicaHours());
        HpaSpec applied = (HpaSpec) shorter.config().applyTo(s).autoscaler();
        assertEquals(java.time.Duration.ofMinutes(1), applied.behavior().orElseThrow().scaleDown().stabilizationWindow());
    }

    @Test
    void cpuTargetsCountTheIdleFloor() throws IOException {
        Scenario s = load("{serviceTime: 1s, resources: {cpu: 2}, cpuUsage: {perBusySlot: 1.5, idle: 0.2}}",
                "{type: cpu, targetUtilization: 0.7}");
        Config now = Config.of(s);
        assertEquals((0.7 * 2 - 0.2) / 1.5, now.targetUtilization(), 1e-12, "(target x request - idle) / cores per busy slot");
        assertEquals(0.7, ((HpaSpec) now.applyTo(s).autoscaler()).metric().target(), 1e-12);
        assertEquals("metric.targetUtilization 0.7 → 0.475", now.withTarget(0.5).changesFrom(now));
    }
}
