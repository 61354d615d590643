package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loadtest --kubernetes-job N} writes, and does not apply, a manifest whose fields are what
 * an Indexed Job of injectors needs (Kubernetes batch/v1 Job API: completionMode, completions,
 * parallelism, backoffLimit, podFailurePolicy, restartPolicy); read back with Jackson's YAML parser.
 */
class KubernetesJobTest {
    static final Path SPIKE = Path.of("..", "scenarios", "validate-spike.yaml");

    @TempDir
    Path dir;

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        new YAMLMapper().readerFor(JsonNode.class).readValues(Files.readString(file)).forEachRemaining(d -> docs.add((JsonNode) d));
        return docs;
    }

    static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void theManifestIsAnIndexedJobOfNInjectorsThatFailsWhenOneIsEvicted() throws IOException {
        String start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        CliRun run = CliRun.of("loadtest", SPIKE.toString(), "--target", "http://10.1.2.3:8080/score", "--allow-non-loopback",
                "--kubernetes-job", "3", "--image", "registry.example/headroom:0.1", "--start-at", start, "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        List<JsonNode> docs = documents(dir.resolve("job.yaml"));
        assertEquals(List.of("ConfigMap", "PersistentVolumeClaim", "Job", "Pod"), docs.stream().map(d -> d.path("kind").asText()).toList());
        JsonNode job = kind(docs, "Job");
        assertEquals("batch/v1", job.path("apiVersion").asText());
        JsonNode spec = job.path("spec");
        assertEquals("Indexed", spec.path("completionMode").asText());
        assertEquals(3, spec.path("completions").asInt());
        assertEquals(3, spec.path("parallelism").asInt());
        assertEquals(0, spec.path("backoffLimit").asInt());
        assertTrue(spec.path("backoffLimit").isInt(), "backoffLimit is a number, not the text '0'");
        JsonNode rule = spec.path("podFailurePolicy").path("rules").get(0);
        assertEquals("FailJob", rule.path("action").asText());
        assertEquals("DisruptionTarget", rule.path("onPodConditions").get(0).path("type").asText());
        JsonNode pod = spec.path("template").path("spec");
        assertEquals("Never", pod.path("restartPolicy").asText(), "podFailurePolicy requires restartPolicy Never");
        JsonNode container = pod.path("containers").get(0);
        assertEquals("registry.example/headroom:0.1", container.path("image").asText());
        assertEquals("sh", container.path("command").get(0).asText());
        String script = container.path("command").get(2).asText();
        assertTrue(script.contains("headroom loadtest \"$HEADROOM_SCENARIO\" --target http://10.1.2.3:8080/score --start-at " + start
                + " --allow-non-loopback"), script);
        assertTrue(script.contains("--segment \"$JOB_COMPLETION_INDEX/3\" --out \"$HEADROOM_RESULTS/$JOB_COMPLETION_INDEX\""), script);
        assertEquals(Files.readString(SPIKE), kind(docs, "ConfigMap").path("data").path("scenario.yaml").asText(),
                "the ConfigMap holds the scenario file byte for byte (merge checks its digest)");
        assertEquals("ReadWriteMany", kind(docs, "PersistentVolumeClaim").path("spec").path("accessModes").get(0).asText());
        assertTrue(run.out().contains("kubectl apply -f"), run.out());
        assertTrue(run.out().contains("headroom merge results/0 results/1 results/2 --out merged"), run.out());
    }

    @Test
    void theRefusalRulesStay() throws IOException {
        String start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        CliRun remote = CliRun.of("loadtest", SPIKE.toString(), "--target", "http://10.1.2.3:8080/score", "--kubernetes-job", "2",
                "--start-at", start, "--out", dir.toString());
        assertEquals(ExitCode.USAGE, remote.exitCode());
        assertTrue(remote.err().contains("is not this machine's loopback"), remote.err());
        CliRun noStart = CliRun.of("loadtest", SPIKE.toString(), "--target", "http://127.0.0.1:8080/score", "--kubernetes-job", "2",
                "--out", dir.toString());
        assertEquals(ExitCode.USAGE, noStart.exitCode());
        assertTrue(noStart.err().contains("--kubernetes-job needs --start-at TIME"), noStart.err());
        CliRun both = CliRun.of("loadtest", SPIKE.toString(), "--target", "http://127.0.0.1:8080/score", "--kubernetes-job", "2",
                "--segment", "0/2", "--start-at", start, "--out", dir.toString());
        assertEquals(ExitCode.USAGE, both.exitCode());
        CliRun badStart = CliRun.of("loadtest", SPIKE.toString(), "--target", "http://127.0.0.1:8080/score", "--kubernetes-job", "2",
                "--start-at", "14:00", "--out", dir.toString());
        assertEquals(ExitCode.USAGE, badStart.exitCode());
        assertTrue(badStart.err().contains("--start-at must be an ISO-8601 instant with a zone, e.g. 2026-12-01T14:00:00Z, but was '14:00'"),
                badStart.err());
        CliRun badSegment = CliRun.of("loadtest", SPIKE.toString(), "--target", "http://127.0.0.1:8080/score", "--segment", "3/3");
        assertEquals(ExitCode.USAGE, badSegment.exitCode());
        assertTrue(badSegment.err().contains("--segment: I must be in [0, N-1] = [0, 2] but was 3"), badSegment.err());
        assertTrue(!Files.exists(dir.resolve("job.yaml")), "nothing was written");
    }

    @Test
    void aScenarioWithSideFilesIsRefusedBecauseThePodsWouldNotHaveThem() {
        String start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        CliRun run = CliRun.of("loadtest", Path.of("..", "scenarios", "trace-replay.yaml").toString(), "--target",
                "http://127.0.0.1:8080/score", "--kubernetes-job", "2", "--start-at", start, "--out", dir.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("names side files (file: traces/"), run.err());
    }
}
