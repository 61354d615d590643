package io.headroom.loadgen.emulator;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scenarios for the endpoint tests, loaded through the real loader from a few lines of YAML. */
final class TestScenarios {
    private TestScenarios() {
    }

    /** A scenario with {@code service} and {@code autoscaler} bodies (YAML flow mappings) and a token traffic section. */
    static Scenario of(Path dir, String service, String autoscaler, String... moreLines) {
        String yaml = String.join("\n",
                "name: endpoint test",
                "seed: 7",
                "service: " + service,
                "autoscaler: " + autoscaler,
                "traffic: {duration: 1m, profile: [{at: 0s, rps: 1}]}",
                String.join("\n", moreLines),
                "");
        try {
            Path file = Files.createTempFile(dir, "scenario", ".yaml");
            Files.writeString(file, yaml);
            return ScenarioLoader.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
