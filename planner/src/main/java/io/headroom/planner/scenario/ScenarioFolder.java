package io.headroom.planner.scenario;

import java.nio.file.Path;

/**
 * The folder a scenario file lives in, against which the files it names resolve, and whether
 * those may lie outside it ({@code --allow-outside}).
 */
record ScenarioFolder(Path dir, boolean allowOutside) {
    static ScenarioFolder of(Path scenarioFile, boolean allowOutside) {
        Path parent = scenarioFile.getParent();
        return new ScenarioFolder(parent == null ? Path.of("") : parent, allowOutside);
    }

    /** The folder as an absolute, normalized path, for the inside-the-folder check. */
    Path absolute() {
        return dir.toAbsolutePath().normalize();
    }
}
