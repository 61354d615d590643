package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command's --help renders cleanly (picocli warns on stderr about, e.g., an unescaped % in a description). */
class HelpTest {
    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        collect(Headroom.cli(), "", names);
        return names.stream();
    }

    private static void collect(CommandLine cmd, String prefix, List<String> out) {
        for (var e : cmd.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")) {
                out.add(prefix + e.getKey());
                collect(e.getValue(), prefix + e.getKey() + " ", out);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpRendersWithoutWarnings(String command) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CliRun run;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            run = CliRun.of(args.toArray(String[]::new));
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Usage: headroom " + command), run.out());
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains("WARN"), captured.toString(StandardCharsets.UTF_8));
    }
}
