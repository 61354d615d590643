package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code headroom target} in its own JVM, stopped by a signal as a shell stops it: a clean stop exits 0, as the README says.
 * A process that a shell without job control started in the background ({@code cmd &} in a script) inherits SIGINT
 * ignored, and so does every JVM it starts (the JVM leaves an ignored signal ignored): there no program stops on SIGINT,
 * so that case is skipped, not failed, when this JVM itself ignores it (Linux: {@code SigIgn} in /proc/self/status).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class TargetSignalTest {
    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsTheTargetCleanlyWithExitZero(String signal) throws Exception {
        assumeFalse(signal.equals("INT") && ignoresSigint(), "SIGINT is ignored by inheritance: this JVM's parent started it in the background");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process target = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Headroom.class.getName(),
                "target", "--instant", "--port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("headroom target listening on"), "started: " + line);
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(target.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(target.waitFor(30, TimeUnit.SECONDS), "stopped after SIG" + signal);
            assertEquals(0, target.exitValue(), "exit code after SIG" + signal);
        } finally {
            target.destroyForcibly();
        }
    }

    /** Whether this process ignores SIGINT (signal 2: bit 1 of the SigIgn mask), as far as Linux's /proc tells. */
    private static boolean ignoresSigint() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .anyMatch(l -> (Long.parseLong(l.substring("SigIgn:".length()).trim(), 16) & 0b10) != 0);
    }
}
