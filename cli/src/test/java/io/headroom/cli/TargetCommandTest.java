package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code headroom target} as a user runs it: help, the loopback rule, usage errors, and a real serve-then-stop. */
@Timeout(30)
class TargetCommandTest {
    private static final Pattern LISTENING =
            Pattern.compile("headroom target listening on (http://127\\.0\\.0\\.1:(\\d+)) \\((.*); Ctrl-C stops\\)");
    private static final String SCENARIO = String.join("\n",
            "name: tiny",
            "service: {serviceTime: 50ms}",
            "autoscaler: {policy: static, replicas: 2}",
            "traffic: {duration: 1m, profile: [{at: 0s, rps: 1}]}",
            "");

    @TempDir
    Path dir;

    @Test
    void helpExitsZeroAndExplainsTheLoopbackRule() {
        CliRun run = CliRun.of("target", "--help");
        assertEquals(0, run.exitCode(), run.err());
        for (String text : new String[] {"--instant", "--allow-non-loopback", "/metrics", "loopback", "maxQueueWait"}) {
            assertTrue(run.out().contains(text), "help mentions " + text + ": " + run.out());
        }
    }

    @Test
    void aNonLoopbackBindIsRefusedWithExitTwo() {
        CliRun run = CliRun.of("target", "--instant", "--bind", "10.0.0.1", "--port", "0");
        assertEquals(2, run.exitCode(), run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--bind must be a loopback address") && run.err().contains("--allow-non-loopback"), run.err());
        assertFalse(run.out().contains("listening"), run.out());
    }

    @Test
    void aScenarioIsRequiredUnlessInstant() throws IOException {
        assertEquals(2, CliRun.of("target").exitCode());
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        CliRun both = CliRun.of("target", "--instant", scenario.toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--instant takes no SCENARIO"), both.err());
        assertEquals(2, CliRun.of("target", "--instant", "--port", "70000").exitCode());
    }

    @Test
    void aMalformedScenarioExitsThree() throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO.replace("50ms", "50"));
        CliRun run = CliRun.of("target", scenario.toString(), "--port", "0");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void instantServesUntilInterruptedThenExitsZero() throws Exception {
        Served served = Served.start("target", "--instant", "--port", "0");
        assertTrue(served.detail().startsWith("instant"), served.detail());
        assertEquals(200, get(served.uri().resolve("/anything")).statusCode());
        assertEquals(0, served.stop());
    }

    @Test
    void aScenarioServesMetricsUntilInterruptedThenExitsZero() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Served served = Served.start("target", scenario.toString(), "--port", "0");
        assertEquals("scenario tiny", served.detail());
        assertEquals(200, get(served.uri().resolve("/score")).statusCode());
        HttpResponse<String> metrics = get(served.uri().resolve("/metrics"));
        assertTrue(metrics.body().contains("\"ready\":2") && metrics.body().contains("\"served\":1"), metrics.body());
        assertEquals(0, served.stop());
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The command running on its own thread, known to be listening once its line is printed. */
    private record Served(Thread thread, AtomicInteger exitCode, URI uri, String detail) {
        static Served start(String... args) throws Exception {
            CompletableFuture<String> line = new CompletableFuture<>();
            CommandLine cli = Headroom.cli();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(new LineWatcher(line), true));
            cli.setErr(new PrintWriter(err, true));
            AtomicInteger exitCode = new AtomicInteger(-1);
            Thread thread = new Thread(() -> {
                exitCode.set(cli.execute(args));
                line.complete("exited " + exitCode.get() + ": " + err);
            }, "headroom-target-test");
            thread.start();
            String first = line.get(20, TimeUnit.SECONDS);
            Matcher m = LISTENING.matcher(first);
            assertTrue(m.matches(), first);
            return new Served(thread, exitCode, URI.create(m.group(1)), m.group(3));
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertFalse(thread.isAlive(), "the command stops when interrupted");
            return exitCode.get();
        }
    }

    /** Completes {@code line} with the first line written. */
    private static final class LineWatcher extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final CompletableFuture<String> line;

        LineWatcher(CompletableFuture<String> line) {
            this.line = line;
        }

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
            int end = text.indexOf(System.lineSeparator());
            if (end >= 0) {
                line.complete(text.substring(0, end));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
