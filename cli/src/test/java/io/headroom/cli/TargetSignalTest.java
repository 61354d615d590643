package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code headroom target} in its own JVM, stopped by a signal as a shell stops it: a clean stop exits 0, as the README says. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class TargetSignalTest {
    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsTheTargetCleanlyWithExitZero(String signal) throws Exception {
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
}
