package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile input, command by command: work that cannot finish is refused at load (exit 3, one
 * located line naming the option that lifts the limit, in far less time and memory than running it
 * would take), bad targets and headers before anything is sent (exit 2).
 */
class HostileInputTest {
    private static final String SERVICE = "name: hostile\nservice:\n  serviceTime: 10ms\n";

    @TempDir
    Path dir;

    private Path scenario(String duration, String rps) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, SERVICE + "traffic:\n  duration: " + duration + "\n  profile:\n    - {at: 0s, rps: " + rps + "}\n");
        return file;
    }

    /** Runs {@code args} and checks it failed with {@code exitCode} in one line holding every fragment, without a stack trace. */
    private static CliRun refused(int exitCode, List<String> args, String... fragments) {
        long start = System.nanoTime();
        CliRun run = CliRun.of(args.toArray(String[]::new));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(exitCode, run.exitCode(), run.err() + run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        for (String fragment : fragments) {
            assertTrue(run.err().contains(fragment), () -> "expected '" + fragment + "' in: " + run.err());
        }
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "refused before running: took " + took);
        return run;
    }

    private static List<String> args(String command, Path scenario, String... more) {
        List<String> args = new ArrayList<>(List.of(command, scenario.toString()));
        args.addAll(List.of(more));
        if (command.equals("loadtest") || command.equals("validate")) {
            args.addAll(List.of("--target", "http://127.0.0.1:1/score", "--no-warm-up", "--out", scenario.resolveSibling("out").toString()));
        }
        if (command.equals("report")) {
            args.addAll(List.of("--out", scenario.resolveSibling("report").toString()));
        }
        return args;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"simulate", "recommend", "report", "loadtest", "validate"})
    void aBillionRequestsPerSecondIsRefusedAtLoad(String command) throws IOException {
        Path s = scenario("10m", "1e9");
        refused(3, args(command, s), "--max-requests", "s.yaml:5:13)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"simulate", "recommend", "report", "loadtest", "validate"})
    void aCenturyOfTrafficIsRefusedAtLoad(String command) throws IOException {
        Path s = scenario("36500d", "1");
        refused(3, args(command, s), "--max-timeline", "but was '36500d'", "s.yaml:5:13)");
    }

    @Test
    void aYearOfTrafficIsRefusedAndMaxTimelineLiftsTheLimit() throws IOException {
        Path s = scenario("365d", "1");
        refused(3, args("simulate", s), "traffic.duration must be <= 168h", "--max-timeline");
        refused(3, args("simulate", s, "--max-timeline", "400d", "--max-requests", "1000"), "must be <= 1000", "--max-requests");
    }

    @Test
    void anOverflowingDurationIsLocated() throws IOException {
        Path s = scenario("99999999999999999999d", "1");
        refused(3, args("simulate", s), "traffic.duration must be at most 106751d", "s.yaml:5:13)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"simulate", "report"})
    void theFastEngineTakesADayAt100kRpsWithoutRaisingTheLimit(String command) throws IOException {
        // 8.64e9 requests: the discrete-event engine's limit refuses it, the fast engine's cost is simulated time
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, SERVICE + "autoscaler:\n  maxReplicas: 2000\ntraffic:\n  duration: 24h\n  profile:\n"
                + "    - {at: 0s, rps: 100000}\n");
        refused(3, args(command, s), "--max-requests", "8.64e+09");
        CliRun run = CliRun.of(args(command, s, "--engine", "fast").toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        if (command.equals("simulate")) {
            assertTrue(run.out().contains("8640000000"), run.out());
        }
        refused(3, args(command, s, "--engine", "fast", "--max-requests", "1000000"), "must be <= 1000000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"at maxReplicas | 'autoscaler: {maxReplicas: 2000000000}' | 1 | s.yaml:4:27)",
        "at a static count | 'autoscaler: {policy: static, replicas: 20000000}' | 1 | s.yaml:4:40)",
        "at service.concurrency without an autoscaler | '' | 20000000 | s.yaml:2:43)"})
    void slotsBeyondTenMillionAreRefusedAtTheirKey(String label, String autoscaler, int concurrency, String location) throws IOException {
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: hostile\nservice: {serviceTime: 10ms, concurrency: " + concurrency + "}\n\n" + autoscaler
                + "\ntraffic:\n  duration: 1m\n  profile:\n    - {at: 0s, rps: 1}\n");
        refused(3, args("simulate", s, "--engine", "fast"), "autoscaler.maxReplicas x service.concurrency must be <= 10000000", location);
    }

    @Test
    void maxRequestsSetsTheLimit() throws IOException {
        Path s = scenario("10s", "10");
        refused(3, args("simulate", s, "--max-requests", "50"), "must be <= 50", "--max-requests");
        assertEquals(0, CliRun.of("simulate", s.toString(), "--max-requests", "1000").exitCode());
    }

    @Test
    void runsCountInTheEstimate() throws IOException {
        Path s = scenario("10m", "1000");
        refused(3, args("simulate", s, "--runs", "10000"), "x 10000 runs");
        refused(3, args("recommend", s, "--runs", "10000"), "x 10000 runs");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"recommend", "report"})
    void aRecommendationCountsTheConfigurationsItWillSearch(String command) throws IOException {
        // 1.2e8 requests a run: screened by the fast engine, the estimate counts the discrete-event confirmations
        Path s = scenario("10m", "200000");
        List<String> args = new ArrayList<>(args(command, s));
        if (command.equals("report")) {
            args.add("--recommend");
        }
        refused(3, args, "x 5 runs x 3 configurations searched", "--max-requests", "s.yaml:5:13)");
        // searched by the discrete-event engine alone, every configuration counts
        refused(3, args("recommend", scenario("10m", "50000"), "--screen", "des"), "x 5 runs x ", " configurations searched");
    }

    @ParameterizedTest(name = "{0} --runs {1}")
    @CsvSource({"simulate, 1000000", "recommend, 1000000", "simulate, 0"})
    void runsAreBounded(String command, String runs) throws IOException {
        refused(2, args(command, scenario("10s", "1"), "--runs", runs), "--runs must be in [1, 10000]");
    }

    @Test
    void aTraceOutsideTheScenariosFolderNeedsTheFlag(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("t.csv"), "second,requests\n0,5\n1,4\n");
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, SERVICE + "traffic:\n  duration: 2s\n  trace: " + elsewhere.resolve("t.csv") + "\n");
        refused(3, args("simulate", s), "inside the scenario's folder", "--allow-outside", "s.yaml:6:10)");
        assertEquals(0, CliRun.of("simulate", s.toString(), "--allow-outside").exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:99999/x | port must be in [1, 65535] but was 99999",
        "http://127.0.0.1:0/x | port must be in [1, 65535] but was 0",
        "http:///score | must name a host",
        "mailto:someone@example.com | http:// or https://",
        "http://user:pw@127.0.0.1:8080/x | must not carry user info",
        "127.0.0.1:8080 | --target must be"})
    void aBadTargetIsAUsageError(String target, String expected) throws IOException {
        Path s = scenario("10s", "1");
        CliRun run = refused(2, List.of("loadtest", s.toString(), "--target", target, "--no-warm-up"), expected);
        assertFalse(run.err().contains("pw"), "user info is not printed: " + run.err());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"X-Evil:a\r\nInjected: 1", "X-Evil:a\nInjected: 1", "X-Evil:a\u0000b",
        "X-Evil:a\u001b[2Jb"})
    void headerValuesWithControlCharactersAreRefused(String header) throws IOException {
        Path s = scenario("10s", "1");
        CliRun run = refused(2, List.of("loadtest", s.toString(), "--target", "http://127.0.0.1:1/x", "--no-warm-up", "--header", header),
                "--header X-Evil: a header value must not hold CR, LF or other control characters");
        assertFalse(run.err().contains("Injected"), "the value is not echoed: " + run.err());
    }

    @Test
    void aHeaderNameMustBeAToken() throws IOException {
        Path s = scenario("10s", "1");
        refused(2, List.of("loadtest", s.toString(), "--target", "http://127.0.0.1:1/x", "--header", "X Evil:a"),
                "a header name must be a token");
    }

    @Test
    void bodyAndBodyFileExcludeEachOther() throws IOException {
        Path s = scenario("10s", "1");
        Path body = Files.writeString(dir.resolve("b.json"), "{}");
        refused(2, List.of("loadtest", s.toString(), "--target", "http://127.0.0.1:1/x", "--body", "{}", "--body-file", body.toString()),
                "--body and --body-file exclude each other");
    }

    @Test
    void aBinaryBodyFileIsAUsageErrorNamingTheByte() throws IOException {
        Path s = scenario("10s", "1");
        Path body = Files.write(dir.resolve("b.bin"), new byte[] {'{', (byte) 0xff, '}'});
        refused(2, List.of("loadtest", s.toString(), "--target", "http://127.0.0.1:1/x", "--body-file", body.toString()),
                "--body-file must be UTF-8 text", "byte 0xff", "b.bin:1:2)");
    }

    @Test
    void sizeRefusesRepeatedNodePoolNames() {
        refused(2, List.of("size", "--rps", "20", "--latency", "10s", "--node-pool", "gpu:3:6:56:1", "--node-pool", "gpu:2:6:56:1"),
                "--node-pool names must be unique", "'gpu' was repeated");
    }
}
