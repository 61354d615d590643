package io.headroom.loadgen.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The replica columns stay filled when the target is slow once, and a warning says so when they cannot be. */
class MetricsPollerTest {
    private static final String METRICS = "{\"ready\":3,\"starting\":1,\"desired\":4,\"busySlots\":2,\"queueLength\":0,"
            + "\"pending\":0,\"crashLooping\":0,\"limitedByMax\":false}";
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int status, String body, int stallFirst) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/metrics", exchange -> {
            if (requests.incrementAndGet() <= stallFirst) {
                try {
                    release.await(10, TimeUnit.SECONDS); // held past the client's timeout, released when the test ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer(exchange, status, body);
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException gone) {
            // the client timed out and closed the connection
        }
    }

    private static MetricsPoller poller(URI uri) {
        return new MetricsPoller(uri, Duration.ofMillis(300), new ObservedRecorder(10, 10, 1_000_000), () -> -1);
    }

    @Test
    void aProbeThatTimesOutOnceIsRetriedInsteadOfGivingUpForTheWholeRun() throws IOException {
        MetricsPoller p = poller(serve(200, METRICS, 1));
        assertTrue(p.probe(), "polls");
        assertTrue(p.exposed());
        assertEquals(3, p.read().sample().ready());
        assertTrue(p.warning(10, 10).isEmpty(), "every second has a sample: nothing to warn about");
    }

    @Test
    void aTargetWithoutMetricsIsNotPolledAndNeedsNoWarning() throws IOException {
        MetricsPoller p = poller(serve(404, "not found", 0));
        assertFalse(p.probe());
        assertFalse(p.exposed());
        assertTrue(p.warning(10, 0).isEmpty(), "the summary already says the target exposes no replicas");
    }

    @Test
    void metricsThatCannotBeReadAreWarnedAboutWithTheReason() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        MetricsPoller p = poller(URI.create("http://127.0.0.1:" + closedPort + "/metrics"));
        assertTrue(p.probe(), "a refused connection may be transient: keep polling");
        String warning = p.warning(60, 0).orElseThrow();
        assertTrue(warning.startsWith("http://127.0.0.1:" + closedPort + "/metrics could not be read for 60 of 60 seconds (last: "),
                warning);
        assertTrue(warning.endsWith("): their replica columns are empty"), warning);
    }
}
