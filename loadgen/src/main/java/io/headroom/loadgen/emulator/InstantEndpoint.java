package io.headroom.loadgen.emulator;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The plain fast endpoint: every request, on any path, is answered 200 at once, with no model. It
 * is what the load generator itself is benchmarked against.
 */
public final class InstantEndpoint implements RunningEndpoint {
    private final InstantHandler handler;
    private final HttpServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private InstantEndpoint(InstantHandler handler, HttpServer server) {
        this.handler = handler;
        this.server = server;
    }

    /**
     * Starts serving on {@code address}.
     *
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static InstantEndpoint start(InetSocketAddress address) {
        InstantHandler handler = new InstantHandler();
        return new InstantEndpoint(handler, HttpServer.start(address, "headroom-instant", () -> handler, () -> { }));
    }

    /** Requests answered so far (beyond the connection cap, requests get 503 and are not counted). */
    public long answered() {
        return handler.answered();
    }

    @Override
    public InetSocketAddress address() {
        return server.localAddress();
    }

    @Override
    public void awaitClosed() throws InterruptedException {
        server.awaitClosed();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
    }
}
