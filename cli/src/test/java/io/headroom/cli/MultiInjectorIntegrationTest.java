package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.loadgen.emulator.EmulatedEndpoint;
import io.headroom.loadgen.emulator.RunningEndpoint;
import io.headroom.loadgen.loadtest.ArrivalPlan;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import io.headroom.planner.sim.Simulator;
import io.headroom.planner.timeline.SummaryJson;
import io.headroom.planner.timeline.TimelineCsv;
import io.headroom.planner.timeline.TimelineRow;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than one injector, end to end on loopback: {@code loadtest --kubernetes-job 2} writes the
 * manifest; its pod command is run here as two separate processes (a JVM each, as two pods would),
 * with {@code JOB_COMPLETION_INDEX} 0 and 1 and a {@code headroom} on the PATH, against one
 * {@code headroom target}; {@code merge} combines them. The merged per-second arrivals must equal
 * the unsplit plan's exactly. Then one unsplit load test of the same seed against a fresh target:
 * the two 503 fractions must agree within the noise of two runs.
 *
 * <p>The target: one replica, one slot, 25 ms constant service, no queue (maxQueueWait 0s), Poisson
 * 30 rps: an Erlang loss system, offered load a = 0.75, B(1, a) = a / (1 + a) = 0.43. Both runs
 * replay the same arrivals against the same deterministic service, so they differ only where an
 * arrival falls within the wall clock's jitter (a few ms) of a slot's release: the tolerance is
 * 0.04 absolute (24 of the 600 requests), and each run is within 0.08 of the simulator's
 * prediction for the same seed (the validate loop's agreement, here as an absolute band).
 */
class MultiInjectorIntegrationTest {
    @TempDir
    Path dir;

    @Test
    void twoInjectorsAsTwoProcessesMergeIntoThePlanAndAgreeWithAnUnsplitRun() throws Exception {
        Path scenarioFile = dir.resolve("loss.yaml");
        Files.writeString(scenarioFile, String.join("\n", "name: erlang loss", "seed: 11",
                "service: {serviceTime: 25ms, maxQueueWait: 0s}", "autoscaler: {policy: static, replicas: 1}",
                "traffic: {duration: 20s, arrivals: poisson, profile: [{at: 0s, rps: 30}]}", ""));
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path headroom = bin.resolve("headroom");
        Files.writeString(headroom, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' io.headroom.cli.Headroom \"$@\"\n");
        assertTrue(headroom.toFile().setExecutable(true));
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        Path results = dir.resolve("results");
        try (RunningEndpoint target = EmulatedEndpoint.start(scenario, loopback)) {
            // two JVMs start, warm up (3 s) and launch Gatling on this 2-core machine before the shared instant
            Instant start = Instant.now().plus(40, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
            CliRun manifest = CliRun.of("loadtest", scenarioFile.toString(), "--target", "http://127.0.0.1:" + target.port() + "/score",
                    "--kubernetes-job", "2", "--start-at", start.toString(), "--out", dir.resolve("k8s").toString());
            assertEquals(0, manifest.exitCode(), manifest.err());
            JsonNode job = KubernetesJobTest.kind(KubernetesJobTest.documents(dir.resolve("k8s/job.yaml")), "Job");
            JsonNode command = job.path("spec").path("template").path("spec").path("containers").get(0).path("command");
            List<Process> pods = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ProcessBuilder pod = new ProcessBuilder(command.get(0).asText(), command.get(1).asText(), command.get(2).asText())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("pod-" + i + ".log").toFile());
                pod.environment().put("JOB_COMPLETION_INDEX", Integer.toString(i));
                pod.environment().put("HEADROOM_SCENARIO", scenarioFile.toString());
                pod.environment().put("HEADROOM_RESULTS", results.toString());
                pod.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
                pods.add(pod.start());
            }
            for (int i = 0; i < pods.size(); i++) {
                boolean ended = pods.get(i).waitFor(240, TimeUnit.SECONDS);
                if (!ended) {
                    pods.forEach(Process::destroyForcibly);
                }
                String log = Files.readString(dir.resolve("pod-" + i + ".log"));
                System.out.println("pod " + i + ":\n" + log);
                assertTrue(ended, "pod " + i + " ended within its bound");
                assertEquals(0, pods.get(i).exitValue(), log);
            }
        }
        CliRun merge = CliRun.of("merge", results.resolve("0").toString(), results.resolve("1").toString(), "--out",
                dir.resolve("merged").toString());
        System.out.println(merge.out());
        assertEquals(0, merge.exitCode(), merge.out() + merge.err());
        ArrivalPlan plan = ArrivalPlan.of(scenario);
        List<TimelineRow> merged = TimelineCsv.read(dir.resolve("merged/timeline.csv"));
        assertEquals(plan.seconds(), merged.size());
        for (TimelineRow row : merged) {
            assertEquals(plan.requestsIn(row.second()), row.arrivals(), "merged arrivals of second " + row.second());
        }
        try (RunningEndpoint target = EmulatedEndpoint.start(scenario, loopback)) {
            CliRun unsplit = CliRun.of("loadtest", scenarioFile.toString(), "--target", "http://127.0.0.1:" + target.port() + "/score",
                    "--out", dir.resolve("unsplit").toString());
            assertEquals(0, unsplit.exitCode(), unsplit.out() + unsplit.err());
        }
        double fMerged = SummaryJson.readObserved(dir.resolve("merged/summary.json")).rejected503Fraction();
        double fUnsplit = SummaryJson.readObserved(dir.resolve("unsplit/summary.json")).rejected503Fraction();
        double predicted = Simulator.run(scenario).summary().rejected503Fraction();
        JsonNode report = SummaryJson.MAPPER.readTree(dir.resolve("merged/merge.json").toFile());
        System.out.printf(Locale.ROOT, "503 fraction: merged %.4f, unsplit %.4f, predicted %.4f, Erlang B %.4f; start skew %s / %s ms,"
                + " lag p99 %s / %s ms%n", fMerged, fUnsplit, predicted, 0.75 / 1.75,
                report.path("injectors").get(0).path("startSkewMs"), report.path("injectors").get(1).path("startSkewMs"),
                report.path("injectors").get(0).path("startLagP99Ms"), report.path("injectors").get(1).path("startLagP99Ms"));
        assertEquals(fUnsplit, fMerged, 0.04, "merged and unsplit runs agree within two-run noise");
        assertEquals(predicted, fMerged, 0.08, "the merged run agrees with the prediction");
        assertEquals(predicted, fUnsplit, 0.08, "the unsplit run agrees with the prediction");
        CliRun validate = CliRun.of("validate", scenarioFile.toString(), "--observed", dir.resolve("merged").toString(), "--out",
                dir.resolve("validate").toString());
        assertEquals(0, validate.exitCode(), validate.out() + validate.err());
        assertTrue(Files.isRegularFile(dir.resolve("validate/comparison.json")));
        assertTrue(!validate.out().contains("another arrival plan"), "the merged run is the scenario's plan: " + validate.out());
        CliRun compare = CliRun.of("compare", dir.resolve("unsplit").toString(), dir.resolve("merged").toString(), "--fail-on",
                "fraction503=0.04");
        System.out.println(compare.out());
        assertEquals(0, compare.exitCode(), compare.out() + compare.err());
        assertTrue(compare.out().contains("both replayed the same arrival plan"), compare.out());
        CliRun report2 = CliRun.of("report", scenarioFile.toString(), "--observed", dir.resolve("merged").toString(), "--out",
                dir.resolve("report").toString());
        assertEquals(0, report2.exitCode(), report2.out() + report2.err());
    }
}
