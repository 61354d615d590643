package io.headroom.cli;

import io.headroom.planner.InvalidInputException;
import io.headroom.planner.scenario.ScenarioEdit;
import io.headroom.planner.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code calibrate ... --write SCENARIO}: sets one {@code service} key, checks the result loads, then replaces the file. */
final class ScenarioWriter {
    private ScenarioWriter() {
    }

    static void setServiceKey(Path scenario, String key, String flowValue) {
        String edited = ScenarioEdit.setServiceKey(scenario, key, flowValue);
        Path dir = scenario.toAbsolutePath().getParent();
        try {
            Path temp = Files.createTempFile(dir, ".headroom-", ".yaml");
            try {
                Files.writeString(temp, edited, StandardCharsets.UTF_8);
                ScenarioLoader.load(temp);
                Files.move(temp, scenario, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + scenario + ": " + e.getClass().getSimpleName());
        }
    }
}
