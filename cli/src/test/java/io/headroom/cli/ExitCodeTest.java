package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command, nested ones included, exits with {@link ExitCode}'s codes, and the top-level help lists them all. */
class ExitCodeTest {
    @ParameterizedTest
    @CsvSource({"size --bogus", "bench simulate --bogus", "validate x.yaml --target http://127.0.0.1:1/ --fail-on", "simulate"})
    void usageErrorsExitWithTheUsageCodeAtEveryLevel(String args) {
        CliRun run = CliRun.of(args.split(" "));
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
    }

    @ParameterizedTest
    @CsvSource({"0 ok", "1 internal error", "2 usage error", "3 invalid scenario or input", "4 an SLO or validation verdict failed",
        "5 a load test stopped before its end"})
    void topLevelHelpListsEveryExitCode(String code) {
        CliRun run = CliRun.of("--help");
        assertTrue(run.out().replaceAll("\\s+", " ").contains(code), run.out());
    }
}
