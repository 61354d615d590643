package io.headroom.planner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.dist.LognormalDistribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calibrate --write} changes one key and keeps the rest of the file, comments included; the result loads. */
class ScenarioEditTest {
    private static final String VALUE = "{distribution: lognormal, mean: 80ms, cv: 0.5}";
    private static final String TAIL = "autoscaler: {policy: static, replicas: 2}\ntraffic: {duration: 10s, profile: [{at: 0s, rps: 1}]}\n";

    @TempDir
    Path dir;

    private String edit(String text, String key) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, text);
        String edited = ScenarioEdit.setServiceKey(file, key, VALUE);
        Files.writeString(file, edited);
        Scenario scenario = ScenarioLoader.load(file);
        assertEquals(new LognormalDistribution(Duration.ofMillis(80), 0.5), key.equals("serviceTime") ? scenario.service().serviceTime()
                : scenario.service().startup());
        return edited;
    }

    @Test
    void aScalarValueIsReplacedAndItsCommentKept() throws IOException {
        String edited = edit("name: x\nservice:\n  serviceTime: 1s   # guessed\n  concurrency: 2\n" + TAIL, "serviceTime");
        assertTrue(edited.contains("  serviceTime: " + VALUE + "   # guessed\n  concurrency: 2\n"), edited);
    }

    @Test
    void aBlockValueIsReplacedUpToTheNextKey() throws IOException {
        String edited = edit("name: x\nservice:\n  serviceTime:\n    distribution: exponential\n    # old\n    mean: 1s\n"
                + "  startup: 5s\n" + TAIL, "serviceTime");
        assertTrue(edited.contains("  serviceTime: " + VALUE + "\n  startup: 5s\n"), edited);
    }

    @Test
    void anAbsentKeyIsAddedFirstInTheSection() throws IOException {
        String edited = edit("name: x\nservice:\n  serviceTime: 1s\n" + TAIL, "startup");
        assertTrue(edited.contains("service:\n  startup: " + VALUE + "\n  serviceTime: 1s\n"), edited);
    }

    @Test
    void aKeyInsideAFlowServiceIsReplacedInPlace() throws IOException {
        String edited = edit("name: x\nservice: {serviceTime: 1s, startup: 2s}\n" + TAIL, "serviceTime");
        assertTrue(edited.contains("service: {serviceTime: " + VALUE + ", startup: 2s}\n"), edited);
        String added = edit("name: x\nservice: {serviceTime: 1s}\n" + TAIL, "startup");
        assertTrue(added.contains("service: {startup: " + VALUE + ", serviceTime: 1s}\n"), added);
    }
}
