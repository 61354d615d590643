package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code report --observed} on a damaged folder: each damage is exit 3 and one line naming
 * {@code file:line:column}, the rule and the value, never a parser's stack trace; a report of an
 * incomplete load test says so in its verdict, with the stop reason.
 */
class ObservedFolderTest {
    private static final String SCENARIO = String.join("\n", "name: observed", "service:", "  serviceTime: 100ms",
            "autoscaler: {policy: static, replicas: 2}", "traffic:", "  duration: 20s", "  profile:", "    - {at: 0s, rps: 5}", "");

    @TempDir
    static Path shared;

    private static Path scenario;
    private static String timeline;
    private static String summary;

    @BeforeAll
    static void anObservedRun() throws IOException {
        scenario = Files.writeString(shared.resolve("s.yaml"), SCENARIO);
        Path out = shared.resolve("run");
        assertEquals(0, CliRun.of("simulate", scenario.toString(), "--out", out.toString()).exitCode());
        timeline = Files.readString(out.resolve("timeline.csv"));
        summary = Files.readString(out.resolve("summary.json")).replace("\"kind\" : \"predicted\"", "\"kind\" : \"observed\"");
    }

    @TempDir
    Path dir;

    private Path folder(UnaryOperator<String> timelineDamage, UnaryOperator<String> summaryDamage) throws IOException {
        Files.writeString(dir.resolve("timeline.csv"), timelineDamage.apply(timeline));
        Files.writeString(dir.resolve("summary.json"), summaryDamage.apply(summary));
        return dir;
    }

    private static Arguments damage(String name, UnaryOperator<String> timeline, UnaryOperator<String> summary, String where,
            String... fragments) {
        return Arguments.of(Named.of(name, new Object[] {timeline, summary, where, fragments}));
    }

    static Stream<Arguments> damages() {
        UnaryOperator<String> same = s -> s;
        return Stream.of(
                damage("truncated timeline header", t -> t.replaceFirst(",limitedByMax", ""), same, "timeline.csv:1:",
                        "a timeline's header must be the 16 columns", "column 16 'limitedByMax' is missing"),
                damage("reordered timeline header", t -> t.replaceFirst("ok,rejected503", "rejected503,ok"), same, "timeline.csv:1:17)",
                        "column 3 must be 'ok'"),
                damage("empty timeline", t -> t.lines().findFirst().orElseThrow() + "\n", same, "timeline.csv:2:1)",
                        "a timeline must hold at least one row"),
                damage("empty timeline file", t -> "", same, "timeline.csv:1:1)", "the file was empty"),
                damage("garbled timeline row", t -> t.replaceFirst("\n2,", "\n2,x"), same, "timeline.csv:4:3)",
                        "a timeline's arrivals must be a whole number >= 0", "but was 'x"),
                damage("short timeline row", t -> t.replaceFirst("\n3,[^\n]*", "\n3,1,1"), same, "timeline.csv:5:1)",
                        "a timeline row needs 16 cells but had 3"),
                damage("timeline rows out of order", t -> t.replaceFirst("\n1,", "\n7,"), same, "timeline.csv:3:1)",
                        "must be second 1 but was 7"),
                damage("truncated summary.json", same, s -> s.substring(0, s.length() / 2), "summary.json:",
                        "a summary.json must be valid JSON"),
                damage("negative requests", same, s -> s.replaceFirst("\"requests\" : \\d+", "\"requests\" : -5"), "summary.json:7:16)",
                        "requests must be a whole number >= 0 but was -5"),
                damage("a predicted summary", same, s -> s.replace("\"kind\" : \"observed\"", "\"kind\" : \"predicted\""),
                        "summary.json:3:12)", "kind must be 'observed'", "but was 'predicted'"),
                damage("a fraction above 1", same, s -> s.replaceFirst("\"rejected503Fraction\" : [0-9.E-]+", "\"rejected503Fraction\" : 7"),
                        "summary.json:", "rejected503Fraction must be a fraction in [0, 1] but was 7"),
                damage("summary.json that is an array", same, s -> "[1, 2]", "summary.json:1:1)", "must hold one JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    @SuppressWarnings("unchecked")
    void aDamagedObservedFolderIsOneLocatedLineAndExitThree(Object[] c) throws IOException {
        Path observed = folder((UnaryOperator<String>) c[0], (UnaryOperator<String>) c[1]);
        CliRun run = CliRun.of("report", scenario.toString(), "--observed", observed.toString(), "--out", dir.resolve("r").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertTrue(run.err().contains(dir.resolve((String) c[2]).toString()), () -> "expected " + c[2] + " in: " + run.err());
        for (String fragment : (String[]) c[3]) {
            assertTrue(run.err().contains(fragment), () -> "expected '" + fragment + "' in: " + run.err());
        }
    }

    @Test
    void aBinarySummaryNamesTheFirstByteThatIsNotText() throws IOException {
        folder(t -> t, s -> s);
        Files.write(dir.resolve("summary.json"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        CliRun run = CliRun.of("report", scenario.toString(), "--observed", dir.toString(), "--out", dir.resolve("r").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("must be UTF-8 text"), run.err());
        assertTrue(run.err().contains("byte 0x8b (" + dir.resolve("summary.json") + ":1:2)"), run.err());
        assertFalse(run.err().contains("Input length"), run.err());
    }

    @Test
    void anIncompleteLoadTestSaysSoInTheVerdictWithItsStopReason() throws IOException {
        Path observed = folder(t -> String.join("\n", t.lines().limit(8).toList()) + "\n",
                s -> s.replace("\"incomplete\" : false", "\"incomplete\" : true").replaceFirst("\"durationSeconds\" : 20", "\"durationSeconds\" : 7"));
        Files.writeString(observed.resolve("loadtest.json"), "{\"stopReason\": \"the target stopped answering <now>\"}\n");
        CliRun run = CliRun.of("report", scenario.toString(), "--observed", observed.toString(), "--out", dir.resolve("r").toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(dir.resolve("r/report.html"));
        assertTrue(html.contains("the load test is INCOMPLETE — it stopped after 7 of 20 s of traffic: the target stopped answering &lt;now&gt;"),
                html);
    }
}
