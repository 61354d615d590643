package io.headroom.loadgen.loadtest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP endpoint for load-test tests that counts what it answers on {@code /score}: every
 * {@code rejectEvery}-th request gets 503 at once, the others 200 after {@code delayMillis}. Other
 * paths (the load test's {@code /metrics} probe) get 404 and are not counted.
 */
final class StubEndpoint implements AutoCloseable {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final AtomicLong ok = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    private final AtomicLong count = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final HttpServer server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    StubEndpoint(int rejectEvery, long delayMillis) throws IOException {
        this(rejectEvery, delayMillis, Long.MAX_VALUE);
    }

    /** As above, and the endpoint dies (stops listening, drops its connections) once it has answered {@code dieAfterOk} requests 200. */
    StubEndpoint(int rejectEvery, long delayMillis, long dieAfterOk) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals("/score")) {
                answer(exchange, 404);
                return;
            }
            if (count.incrementAndGet() % rejectEvery == 0) {
                rejected.incrementAndGet();
                answer(exchange, 503);
            } else {
                timer.schedule(() -> {
                    long answered = ok.incrementAndGet();
                    answer(exchange, 200);
                    if (answered == dieAfterOk) {
                        new Thread(this::close, "stub-dies").start();
                    }
                }, delayMillis, TimeUnit.MILLISECONDS);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/score";
    }

    private static void answer(HttpExchange exchange, int status) {
        byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, body.length);
            out.write(body);
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        timer.shutdownNow();
    }
}
