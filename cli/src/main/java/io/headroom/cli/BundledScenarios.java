package io.headroom.cli;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The example scenarios shipped in the jar (scenarios/*.yaml and their traces), loaded through the one loader. */
final class BundledScenarios {
    private static final String[] TRACES = {"traces/monday-morning.csv", "traces/prometheus-day.json"};

    private BundledScenarios() {
    }

    /** Loads {@code scenarios/<fileName>} from the jar, via a temporary copy beside the bundled traces. */
    static Scenario load(String fileName) {
        try {
            Path dir = Files.createTempDirectory("headroom-scenarios");
            try {
                copy("scenarios/" + fileName, dir.resolve(fileName));
                for (String trace : TRACES) {
                    copy("scenarios/" + trace, dir.resolve(trace));
                }
                return ScenarioLoader.load(dir.resolve(fileName));
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled scenarios/" + fileName, e);
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = BundledScenarios.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            Files.createDirectories(to.getParent());
            Files.copy(in, to);
        }
    }
}
