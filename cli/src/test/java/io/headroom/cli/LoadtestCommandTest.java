package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code loadtest} and {@code validate} refuse what they must refuse, in one line with exit 2, before sending anything. */
class LoadtestCommandTest {
    private static final String SCENARIO = Path.of("..", "scenarios", "launch-day.yaml").toString();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "loadtest | --target http://192.0.2.10:8080/score | not this machine's loopback",
        "validate | --target http://192.0.2.10:8080/score | not this machine's loopback",
        "loadtest | --target ftp://127.0.0.1/score | http:// or https://",
        "loadtest | --target http://127.0.0.1:8080/ --header NoColon | NAME:VALUE",
        "loadtest | --target http://127.0.0.1:8080/ --header-env Authorization=HEADROOM_SURELY_UNSET_VARIABLE | is not set",
        "loadtest | --target http://127.0.0.1:8080/ --method PUT | GET or POST",
        "validate | --target http://127.0.0.1:8080/ --fail-on onsett=2 | fraction503",
        "validate | --target http://127.0.0.1:8080/ --fail-on onset=2s | onset takes a number of seconds >= 0, e.g. onset=2, but was '2s'",
        "loadtest | --out x | --target"})
    void refusesBadTargetsAndOptionsInOneLine(String command, String options, String expected) {
        String[] args = (command + " " + SCENARIO + " " + options).split(" ");
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @ParameterizedTest
    @CsvSource({"loadtest", "validate"})
    void helpTeachesTheLoopbackRule(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--allow-non-loopback"), run.out());
        assertTrue(run.out().contains("denial of service"), run.out());
    }

    @org.junit.jupiter.api.Test
    void theScenariosRequestIsSentUnlessOptionsOverrideIt() {
        var fromScenario = new io.headroom.planner.scenario.RequestSpec("POST", "{\"x\":1}",
                java.util.Map.of("Content-Type", "application/json"));
        LoadtestCommand plain = new LoadtestCommand();
        new picocli.CommandLine(plain).parseArgs(SCENARIO, "--target", "http://127.0.0.1:8080/score");
        var request = plain.target.request(fromScenario);
        assertEquals("POST", request.method());
        assertEquals("{\"x\":1}", request.body());
        assertEquals("application/json", request.headers().get("Content-Type"));

        LoadtestCommand overridden = new LoadtestCommand();
        new picocli.CommandLine(overridden).parseArgs(SCENARIO, "--target", "http://127.0.0.1:8080/score", "--body", "other",
                "--header", "X-Trace: 1");
        var request2 = overridden.target.request(fromScenario);
        assertEquals("other", request2.body());
        assertEquals("1", request2.headers().get("X-Trace"));
        assertEquals("application/json", request2.headers().get("Content-Type"), "scenario headers stay");
        assertFalse(request2.toString().contains("application/json"), "header values are never printed: " + request2);
    }
}
