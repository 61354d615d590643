package io.headroom.loadgen.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A loopback HTTP/1.1 client that times each request. */
final class Http {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    /** One answer: its status, body and the time from sending to the complete response. */
    record Answer(int status, String body, long latencyMillis) {
    }

    Http(URI base) {
        this.base = base;
    }

    CompletableFuture<Answer> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build();
        long sentNanos = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.body(), (System.nanoTime() - sentNanos) / 1_000_000));
    }

    Answer getNow(String path) {
        return get(path).orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }
}
