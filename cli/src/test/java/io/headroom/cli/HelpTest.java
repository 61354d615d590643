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

    private static String help(String command, int width) {
        CommandLine cli = Headroom.cli();
        HelpLayout.install(cli, width);
        java.io.StringWriter out = new java.io.StringWriter();
        cli.setOut(new java.io.PrintWriter(out, true));
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        assertEquals(0, cli.execute(args.toArray(String[]::new)));
        return out.toString();
    }

    /**
     * The help is wrapped once, at spaces: no line ends inside a word that the unwrapped help has
     * whole (a URL such as http://127.0.0.1:8080/score, a file name, NAME:VALUE), and no line ends
     * with an option whose value starts the next line (--out / out/review).
     */
    @ParameterizedTest
    @MethodSource("commands")
    void noHelpLineEndsInsideAUrlOrAnOptionsValue(String command) {
        String wide = help(command, 100_000).replaceAll("\\s+", " ");
        List<String> lines = help(command, HelpLayout.WIDTH).lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            String here = lines.get(i).strip();
            String next = lines.get(i + 1).strip();
            if (here.isEmpty() || next.isEmpty()) {
                continue;
            }
            String last = here.substring(here.lastIndexOf(' ') + 1);
            String first = next.split(" ")[0];
            String where = "line " + (i + 1) + " of 'headroom " + command + " --help':\n" + lines.get(i) + "\n" + lines.get(i + 1);
            assertFalse(wide.contains(last + first) && !wide.contains(last + " " + first), "a word broken across lines, " + where);
            assertFalse(last.matches("--[a-z0-9-]+") && !first.startsWith("-") && wide.contains(last + " " + first),
                    "an option parted from its value, " + where);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpFitsEightyColumnsExceptForExamplesAndLongWords(String command) {
        for (String line : help(command, HelpLayout.WIDTH).lines().toList()) {
            boolean oneWord = !line.strip().contains(" ");
            boolean example = line.startsWith("  headroom ") || line.startsWith("  HEADROOM_") || line.startsWith("  curl ");
            assertTrue(line.length() <= HelpLayout.WIDTH || oneWord || example,
                    "'headroom " + command + " --help' line wider than " + HelpLayout.WIDTH + ": " + line);
        }
    }
}
