package io.headroom.planner.scenario;

import io.headroom.planner.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A file a scenario refers to (a trace, empirical samples): a relative path resolves against the
 * scenario file's directory; a file that cannot be read is an error at the place the scenario names it.
 */
record SideFile(Path path) {
    /** Resolves {@code written} (the text of {@code node}) against {@code scenarioDir} and checks it can be read. */
    static SideFile resolve(Path scenarioDir, Node node, String keyPath) {
        String written = Section.string(node, keyPath);
        if (written.isBlank()) {
            throw Section.error(keyPath + " must name a file", node);
        }
        Path path = scenarioDir.resolve(written).normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw Section.error(keyPath + " must name a readable file (resolved against the scenario's directory: " + path
                    + ")", node);
        }
        return new SideFile(path);
    }

    /** The file's lines; line i of the list is line i + 1 of the file. */
    List<String> lines() {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + NodeReader.oneLine(e.getMessage()), e);
        }
    }

    /** {@code file:line}, for errors inside the file. */
    String at(int lineIndex) {
        return path + ":" + (lineIndex + 1);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
