package io.headroom.loadgen.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.planner.timeline.ReplicaSample;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Reads the target's replica counts once a second from its {@code /metrics} JSON (as {@code headroom
 * target} serves it), when it has one, into the recorder's replica columns. A daemon thread, bounded
 * by the run: it stops when {@link #close()} is called.
 */
final class MetricsPoller implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final URI metrics;
    private final Thread thread;
    private volatile boolean running = true;

    private MetricsPoller(URI metrics, ObservedRecorder recorder, LongSupplier elapsedNanos) {
        this.metrics = metrics;
        this.thread = new Thread(() -> loop(recorder, elapsedNanos), "headroom-metrics");
        thread.setDaemon(true);
    }

    /** Starts polling when {@code base}/metrics answers with replica counts; empty otherwise. */
    static Optional<MetricsPoller> startIfAvailable(String baseUrl, ObservedRecorder recorder, LongSupplier elapsedNanos) {
        MetricsPoller poller = new MetricsPoller(URI.create(baseUrl + "/metrics"), recorder, elapsedNanos);
        if (poller.read().isEmpty()) {
            return Optional.empty();
        }
        poller.thread.start();
        return Optional.of(poller);
    }

    private void loop(ObservedRecorder recorder, LongSupplier elapsedNanos) {
        long lastSecond = -1;
        while (running) {
            long elapsed = elapsedNanos.getAsLong();
            if (elapsed >= 0 && elapsed / 1_000_000_000L != lastSecond) {
                lastSecond = elapsed / 1_000_000_000L;
                long second = lastSecond;
                read().ifPresent(sample -> recorder.replicas((int) second, sample));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Optional<ReplicaSample> read() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofMillis(500)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode m = JSON.readTree(response.body());
            if (!m.has("ready")) {
                return Optional.empty();
            }
            return Optional.of(new ReplicaSample(m.path("ready").asInt(), m.path("starting").asInt(), m.path("desired").asInt(),
                    m.path("busySlots").asLong(), m.path("queueLength").asLong(), m.path("pending").asInt(),
                    m.path("crashLooping").asInt(), m.path("limitedByMax").asBoolean()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
