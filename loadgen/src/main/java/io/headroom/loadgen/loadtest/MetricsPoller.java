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
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Reads the target's replica counts once a second from its {@code /metrics} JSON (as {@code headroom
 * target} serves it), when it has one, into the recorder's replica columns. A daemon thread, bounded
 * by the run: it stops when {@link #close()} is called.
 *
 * <p>Why replica columns could come back empty: the poller used to decide with one 500 ms request,
 * sent right after the generator's warm-up by a cold {@link HttpClient} on a busy machine, whether
 * the target had metrics at all; when that one request timed out, nothing was polled for the whole
 * run and nothing said so. Now only an answer that says "no metrics here" (a status other than 200,
 * or JSON without {@code ready}) stops the poller; a timeout or a refused connection is retried
 * ({@link #PROBE_ATTEMPTS} times before the run, then every second), and {@link #warning} reports the
 * seconds whose replica columns stayed empty and the last reason.
 */
final class MetricsPoller implements AutoCloseable {
    /** How often the probe before the run is tried when the target does not answer in time. */
    static final int PROBE_ATTEMPTS = 3;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Duration timeout;
    private final URI metrics;
    private final Thread thread;
    private final AtomicInteger failedReads = new AtomicInteger();
    private volatile boolean running = true;
    private volatile String lastFailure;
    private volatile boolean exposed = true;

    /** One read of {@code /metrics}: a sample, "not exposed" (the target answered, without replica counts), or a failure. */
    record Read(ReplicaSample sample, boolean notExposed, String failure) {
        static Read of(ReplicaSample s) {
            return new Read(s, false, null);
        }
    }

    MetricsPoller(URI metrics, Duration timeout, ObservedRecorder recorder, LongSupplier elapsedNanos) {
        this.metrics = metrics;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.thread = new Thread(() -> loop(recorder, elapsedNanos), "headroom-metrics");
        thread.setDaemon(true);
    }

    /**
     * Probes {@code base}/metrics and starts polling unless the target answered that it has no replica
     * metrics. Always returns a poller, for its {@link #warning}.
     */
    static MetricsPoller start(String baseUrl, ObservedRecorder recorder, LongSupplier elapsedNanos) {
        MetricsPoller poller = new MetricsPoller(URI.create(baseUrl + "/metrics"), DEFAULT_TIMEOUT, recorder, elapsedNanos);
        if (poller.probe()) {
            poller.thread.start();
        }
        return poller;
    }

    /**
     * Up to {@link #PROBE_ATTEMPTS} reads until one gives a sample or says "not exposed". False only
     * when the target answered without replica counts (then nothing is polled); failures alone keep polling.
     */
    boolean probe() {
        for (int attempt = 0; attempt < PROBE_ATTEMPTS; attempt++) {
            Read r = read();
            if (r.sample() != null) {
                return true;
            }
            if (r.notExposed()) {
                exposed = false;
                return false;
            }
            lastFailure = r.failure();
        }
        return true;
    }

    /** Whether the target serves replica counts (true until it answers that it does not). */
    boolean exposed() {
        return exposed;
    }

    private void loop(ObservedRecorder recorder, LongSupplier elapsedNanos) {
        long lastSecond = -1;
        while (running) {
            long elapsed = elapsedNanos.getAsLong();
            if (elapsed >= 0 && elapsed / 1_000_000_000L != lastSecond) {
                lastSecond = elapsed / 1_000_000_000L;
                Read r = read();
                if (r.sample() != null) {
                    recorder.replicas((int) lastSecond, r.sample());
                } else {
                    failedReads.incrementAndGet();
                    lastFailure = r.notExposed() ? "the target stopped serving replica counts" : r.failure();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One read of {@code /metrics}, never throwing. */
    Read read() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(metrics).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Read(null, true, "HTTP " + response.statusCode());
            }
            JsonNode m = JSON.readTree(response.body());
            if (!m.has("ready")) {
                return new Read(null, true, "no 'ready' in its JSON");
            }
            return Read.of(new ReplicaSample(m.path("ready").asInt(), m.path("starting").asInt(), m.path("desired").asInt(),
                    m.path("busySlots").asLong(), m.path("queueLength").asLong(), m.path("pending").asInt(),
                    m.path("crashLooping").asInt(), m.path("limitedByMax").asBoolean(), m.path("nodeComing").asBoolean(false)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Read(null, true, "not JSON");
        } catch (IOException | RuntimeException e) {
            return new Read(null, false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Read(null, false, "interrupted");
        }
    }

    /**
     * A warning for the load test's report when the target has replica metrics but some seconds'
     * replica columns stayed empty, e.g. {@code /metrics could not be read for 60 of 60 seconds
     * (last: HttpTimeoutException: request timed out): their replica columns are empty}; empty when
     * every second has a sample or the target serves no metrics at all.
     */
    Optional<String> warning(int seconds, long secondsWithSample) {
        if (!exposed || secondsWithSample >= seconds) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s could not be read for %d of %d seconds%s: their replica columns are empty",
                metrics, seconds - secondsWithSample, seconds, lastFailure == null ? "" : " (last: " + lastFailure + ")"));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
