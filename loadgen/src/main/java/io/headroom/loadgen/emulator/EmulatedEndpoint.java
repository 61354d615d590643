package io.headroom.loadgen.emulator;

import io.headroom.planner.scenario.Scenario;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real HTTP server that behaves like the autoscaled endpoint a scenario describes: replicas with
 * concurrency slots, the router queue and its wait limit (503), the scoring timeout (504), scoring
 * errors (502), replica startup, startup failures, node capacity, and the scenario's autoscaler
 * policy evaluated on the wall clock. Every path but {@code /metrics} and {@code /healthz} is a
 * scoring request. See {@link Router} and the planner's {@code RouterModel} for the model.
 *
 * <pre>{@code
 * try (EmulatedEndpoint endpoint = EmulatedEndpoint.start(scenario, new InetSocketAddress("127.0.0.1", 0))) {
 *     URI uri = endpoint.uri();      // send load here
 *     EndpointMetrics m = endpoint.metrics();
 * }
 * }</pre>
 *
 * The caller chooses the address; {@code headroom target} allows only loopback ones by default.
 */
public final class EmulatedEndpoint implements RunningEndpoint {
    private final Scenario scenario;
    private final EventExecutor routerLoop;
    private final Router router;
    private final HttpServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmulatedEndpoint(Scenario scenario, EventExecutor routerLoop, Router router, HttpServer server) {
        this.scenario = scenario;
        this.routerLoop = routerLoop;
        this.router = router;
        this.server = server;
    }

    /**
     * Starts serving {@code scenario} on {@code address}; the clock (uptime, autoscaler) starts now.
     *
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static EmulatedEndpoint start(Scenario scenario, InetSocketAddress address) {
        EventExecutor routerLoop = new DefaultEventExecutor(new DefaultThreadFactory("headroom-router", true));
        Router router = new Router(scenario, new LoopScheduler(routerLoop));
        HttpServer server;
        try {
            server = HttpServer.start(address, "headroom-target", () -> new ConnectionHandler(router),
                    router::countRejectedElsewhere);
        } catch (RuntimeException e) {
            routerLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        router.start();
        return new EmulatedEndpoint(scenario, routerLoop, router, server);
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public InetSocketAddress address() {
        return server.localAddress();
    }

    /** The counts {@code GET /metrics} reports, read consistently on the router thread. */
    public EndpointMetrics metrics() {
        try {
            return routerLoop.submit(router::metricsNow).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading metrics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the router thread did not report its metrics", e);
        }
    }

    @Override
    public void awaitClosed() throws InterruptedException {
        server.awaitClosed();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
            routerLoop.execute(router::stop);
            routerLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
