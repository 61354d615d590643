package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README stays true: its copy of reference.yaml is the file, it names every command and its test
 * command, and every example shown as {@code $ headroom ...} followed by its output prints exactly
 * that output (a line {@code ...} stands for any lines).
 */
class ReadmeTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of("..", "README.md"));
    }

    @Test
    void readmeCarriesTheReferenceScenarioVerbatim() throws IOException {
        String reference = Files.readString(Path.of("..", "scenarios", "reference.yaml"));
        assertTrue(readme().contains(reference), "README.md's copy of scenarios/reference.yaml is out of date");
    }

    @Test
    void readmeDocumentsEveryCommand() throws IOException {
        String readme = readme();
        for (String command : Headroom.cli().getSubcommands().keySet()) {
            if (!command.equals("help")) {
                assertTrue(readme.contains("headroom " + command), "README does not document 'headroom " + command + "'");
            }
        }
    }

    @Test
    void readmeTestCommandIsWhatCiRuns() throws IOException {
        List<String> ci = Files.readAllLines(Path.of("..", ".ci", "run"));
        String testCommand = ci.stream().filter(l -> l.startsWith("mvn ")).findFirst().orElseThrow();
        assertTrue(readme().contains("\n" + testCommand + "\n"), "README must show the test command CI runs: " + testCommand);
    }

    /** An example in the README: the command after {@code $ }, and the lines it printed. */
    record Example(String command, List<String> output) {
        @Override
        public String toString() {
            return command;
        }
    }

    static Stream<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        List<String> lines = readme().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("```") && i + 1 < lines.size() && lines.get(i + 1).startsWith("$ headroom ")) {
                String command = lines.get(i + 1).substring(2);
                List<String> output = new ArrayList<>();
                int j = i + 2;
                while (!lines.get(j).equals("```")) {
                    output.add(lines.get(j++));
                }
                examples.add(new Example(command, output));
                i = j;
            }
        }
        return examples.stream();
    }

    @Test
    void theReadmeShowsSizeSimulateAndRecommendExamples() throws IOException {
        List<String> commands = examples().map(e -> e.command().split(" ")[1]).distinct().toList();
        assertTrue(commands.containsAll(List.of("size", "simulate", "recommend")), commands.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void anExamplePrintsWhatTheReadmeShows(Example example) {
        String[] args = example.command().substring("headroom ".length()).split(" ");
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("scenarios/")) {
                args[i] = Path.of("..").resolve(args[i]).toString(); // the tests run in cli/
            }
        }
        CliRun run = CliRun.of(args);
        List<String> actual = run.out().lines().map(String::stripTrailing).toList();
        List<String> expected = example.output().stream().map(String::stripTrailing).toList();
        if (!matches(expected, 0, actual, 0)) {
            assertEquals(String.join("\n", expected), String.join("\n", actual),
                    "README example '" + example.command() + "' no longer prints what the README shows (stderr: " + run.err() + ")");
        }
    }

    /** Line by line; a README line {@code ...} matches any number of lines. */
    private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).strip().equals("...")) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && expected.get(e).equals(actual.get(a)) && matches(expected, e + 1, actual, a + 1);
    }
}
