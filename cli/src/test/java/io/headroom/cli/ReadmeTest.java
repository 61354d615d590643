package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README stays true: its copy of reference.yaml is the file, and it names every command and its test command. */
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
}
