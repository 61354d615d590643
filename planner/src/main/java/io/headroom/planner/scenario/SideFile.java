package io.headroom.planner.scenario;

import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.TextFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A file a scenario refers to (a trace, empirical samples, a request body). A relative path
 * resolves against the scenario file's folder, and the file must lie inside that folder (symbolic
 * links followed) unless {@code --allow-outside} is given: a scenario is often someone
 * else's file run in CI, and must not read {@code /etc/shadow}. A file that cannot be read is an
 * error at the place the scenario names it; a file that is not UTF-8 text (a binary, a gzip) is an
 * error at the first byte that is not, as {@code file:line:column}. At most {@value #MAX_MEGABYTES}
 * MB are read.
 */
record SideFile(Path path, String shownAs) {
    static final int MAX_MEGABYTES = 64;
    private static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;

    /** Resolves {@code written} (the text of {@code node}) against the scenario's folder and checks it can be read. */
    static SideFile resolve(ScenarioFolder folder, Node node, String keyPath) {
        String written = Section.string(node, keyPath);
        if (written.isBlank() || written.indexOf('\0') >= 0) {
            throw Section.error(keyPath + " must name a file", node);
        }
        Path path;
        try {
            path = folder.dir().resolve(written).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw Section.error(keyPath + " must be a valid file path", node);
        }
        if (!folder.allowOutside() && !path.toAbsolutePath().normalize().startsWith(folder.absolute())) {
            throw outside(folder, node, keyPath);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw Section.error(keyPath + " must name a readable file (resolved against the scenario's folder: "
                    + Excerpt.of(path.toString(), 200) + ")", node);
        }
        if (!folder.allowOutside()) {
            try {
                if (!path.toRealPath().startsWith(folder.absolute().toRealPath())) {
                    throw outside(folder, node, keyPath);
                }
            } catch (IOException e) {
                throw Section.error(keyPath + " must name a readable file", node);
            }
        }
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw Section.error(keyPath + " must name a file of at most " + MAX_MEGABYTES + " MB (this one has "
                        + String.format(Locale.ROOT, "%.1f MB", size / 1048576.0) + ")", node);
            }
        } catch (IOException e) {
            throw Section.error(keyPath + " must name a readable file", node);
        }
        return new SideFile(path, path.toString());
    }

    /**
     * A file named on the command line (not by a scenario, so no folder rule): it must be a readable
     * regular file of at most {@value #MAX_MEGABYTES} MB; {@code what} names it in messages ("trace").
     */
    static SideFile direct(Path path, String what) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidInputException("cannot read " + what + " " + path + ": " + (Files.exists(path) ? "not a readable file"
                    : "no such file"));
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new InvalidInputException("a " + what + " must be at most " + MAX_MEGABYTES + " MB but " + path + " has "
                        + Files.size(path) / 1024 / 1024 + " MB");
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + what + " " + path + ": " + NodeReader.oneLine(e.getMessage()), e);
        }
        return new SideFile(path, path.toString());
    }

    private static InvalidInputException outside(ScenarioFolder folder, Node node, String keyPath) {
        return Section.error(keyPath + " must name a file inside the scenario's folder " + folder.absolute()
                + " (pass --allow-outside to read one elsewhere)", node);
    }

    /** The file's lines; line i of the list is line i + 1 of the file. */
    List<String> lines() {
        String text = text();
        if (text.isEmpty()) {
            return List.of();
        }
        String[] lines = text.split("\\r?\\n", -1);
        int n = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        return List.of(lines).subList(0, n);
    }

    /** The whole file as text: UTF-8, without NUL characters. */
    String text() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + path + ": " + NodeReader.oneLine(e.getMessage()), e);
        }
        return TextFile.decode(bytes, shownAs);
    }

    /** {@code file:line:column} (1-based line and column; {@code lineIndex} and {@code columnIndex} 0-based), for errors inside the file. */
    String at(int lineIndex, int columnIndex) {
        return shownAs + ":" + (lineIndex + 1) + ":" + (columnIndex + 1);
    }

    @Override
    public String toString() {
        return shownAs;
    }
}
