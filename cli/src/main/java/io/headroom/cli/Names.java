package io.headroom.cli;

import java.nio.file.Path;

/** Names derived from files, for default output directories. */
final class Names {
    private Names() {
    }

    /** The file name without its extension: {@code scenarios/launch-day.yaml} → {@code launch-day}. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
