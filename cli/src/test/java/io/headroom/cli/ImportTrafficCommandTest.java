package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom import traffic}: what it writes, what it prints, and bad input as one line with exit 3. */
class ImportTrafficCommandTest {
    @TempDir
    Path dir;

    @Test
    void aGrafanaCsvBecomesATraceThatAScenarioReplays() throws IOException {
        Path csv = dir.resolve("g.csv");
        Files.writeString(csv, "sep=;\r\n\"Time\";\"rate\"\r\n1700000000000;2\r\n1700000060000;1,5\r\n1700000120000;0,5\r\n");
        Path out = dir.resolve("trace.csv");
        CliRun run = CliRun.of("import", "traffic", csv.toString(), "--values", "rates", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("time,requests\n2023-11-14T22:13:20Z,120\n2023-11-14T22:14:20Z,90\n2023-11-14T22:15:20Z,30\n",
                Files.readString(out));
        assertTrue(run.out().contains("requests      240"), run.out());
        assertTrue(run.out().contains("peak          2.000 rps"), run.out());
        assertTrue(run.out().contains("mean          1.333 rps"), run.out());
        assertTrue(run.out().contains("peak/mean     1.50"), run.out());
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, "name: x\nservice: {serviceTime: 100ms}\nautoscaler: {policy: static, replicas: 2}\n"
                + "traffic: {duration: 3m, trace: trace.csv}\n");
        CliRun simulate = CliRun.of("simulate", scenario.toString(), "--format", "json");
        assertEquals(0, simulate.exitCode(), simulate.err());
    }

    @Test
    void aGapIsOneLocatedLineWithExitThree() throws IOException {
        Path csv = dir.resolve("g.csv");
        Files.writeString(csv, "\"Time\",\"rate\"\n0,1\n1000,1\n3000,1\n");
        CliRun run = CliRun.of("import", "traffic", csv.toString(), "--values", "rates", "--out", dir.resolve("t.csv").toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("must have no gaps") && run.err().contains("g.csv:4:1"), run.err());
    }

    @Test
    void valuesMustBeRatesOrCounts() throws IOException {
        Path csv = dir.resolve("g.csv");
        Files.writeString(csv, "\"Time\",\"rate\"\n0,1\n1000,1\n");
        CliRun run = CliRun.of("import", "traffic", csv.toString(), "--values", "rps", "--out", dir.resolve("t.csv").toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode());
        assertTrue(run.err().contains("--values must be one of rates, counts but was 'rps'"), run.err());
    }
}
