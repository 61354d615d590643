package io.headroom.loadgen.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.loadgen.emulator.Http.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The plain fast endpoint: 200 at once on every path, keep-alive, in order, and a clean close. */
@Timeout(30)
class InstantEndpointTest {
    private static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void everyPathIsAnswered200AtOnce() {
        try (InstantEndpoint endpoint = InstantEndpoint.start(LOOPBACK_ANY_PORT)) {
            Http http = new Http(endpoint.uri());
            http.getNow("/warm-up");
            List<Answer> answers = IntStream.range(0, 200).mapToObj(i -> http.get("/score/" + i))
                    .map(CompletableFuture::join).toList();
            assertTrue(answers.stream().allMatch(a -> a.status() == 200), answers.toString());
            assertEquals(200, http.getNow("/metrics").status());
            assertEquals(202, endpoint.answered());
        }
    }

    @Test
    void pipelinedRequestsOnOneConnectionAreAllAnswered() throws IOException {
        try (InstantEndpoint endpoint = InstantEndpoint.start(LOOPBACK_ANY_PORT)) {
            String responses = RawHttp.exchange(endpoint.address(), "GET /a HTTP/1.1\r\nHost: t\r\n\r\n".repeat(9)
                    + "GET /b HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            assertEquals(10, responses.split("HTTP/1.1 200 OK", -1).length - 1, responses);
        }
    }

    @Test
    void aPortInUseIsAnUncheckedIoErrorAndCloseFreesThePort() {
        InetSocketAddress taken;
        try (InstantEndpoint first = InstantEndpoint.start(LOOPBACK_ANY_PORT)) {
            taken = first.address();
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> InstantEndpoint.start(taken));
            assertTrue(e.getMessage().startsWith("cannot listen on"), e.getMessage());
        }
        try (InstantEndpoint again = InstantEndpoint.start(taken)) {
            assertEquals(taken.getPort(), again.port());
        }
    }

    @Test
    void anIpv6LoopbackUriHasBrackets() {
        InstantEndpoint endpoint;
        try {
            endpoint = InstantEndpoint.start(new InetSocketAddress("::1", 0));
        } catch (UncheckedIOException noIpv6) {
            return; // this machine has no IPv6 loopback
        }
        try (endpoint) {
            assertEquals("http://[0:0:0:0:0:0:0:1]:" + endpoint.port(), endpoint.uri().toString());
            assertEquals(200, new Http(endpoint.uri()).getNow("/").status());
        }
    }
}
