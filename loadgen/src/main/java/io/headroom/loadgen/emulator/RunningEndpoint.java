package io.headroom.loadgen.emulator;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;

/** An HTTP endpoint this process serves until {@link #close()}. */
public interface RunningEndpoint extends AutoCloseable {
    /** The address it listens on, with the port actually bound (port 0 picks a free one). */
    InetSocketAddress address();

    default int port() {
        return address().getPort();
    }

    /** {@code http://HOST:PORT}, with IPv6 hosts in brackets. */
    default URI uri() {
        String host = address().getAddress().getHostAddress();
        if (address().getAddress() instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** Blocks until another thread (a shutdown hook, say) closes the endpoint. */
    void awaitClosed() throws InterruptedException;

    /** Stops listening, closes every connection and stops its threads. Idempotent. */
    @Override
    void close();
}
