package io.headroom.loadgen.emulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Netty plumbing both endpoints share: NIO transport, HTTP/1.1 with keep-alive, bodies up to
 * {@link #MAX_BODY_BYTES}, and a cap on open connections beyond which requests get 503 and the
 * connection closes.
 */
final class HttpServer implements AutoCloseable {
    /** Largest request body accepted (larger ones get 413 from the aggregator). */
    static final int MAX_BODY_BYTES = 1 << 20;
    /** Open connections served normally; the hard {@code ulimit -n} on these machines is 20,000 and the load generator needs its share. */
    static final int MAX_CONNECTIONS = 8_000;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private HttpServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    /**
     * Binds {@code address} and serves each connection with a fresh handler from {@code handlers}.
     *
     * @param onCapRejected called (on an I/O thread) for each request answered 503 by the connection cap
     * @throws UncheckedIOException when the address cannot be bound (port in use, address not local)
     */
    static HttpServer start(InetSocketAddress address, String name, Supplier<ChannelHandler> handlers,
            Runnable onCapRejected) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name + "-accept", true),
                NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory(name + "-io", true),
                NioIoHandler.newFactory());
        AtomicInteger open = new AtomicInteger();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        boolean withinCap = open.incrementAndGet() <= MAX_CONNECTIONS;
                        ch.closeFuture().addListener(f -> open.decrementAndGet());
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY_BYTES),
                                withinCap ? handlers.get() : new ConnectionCap(onCapRejected));
                    }
                });
        var bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdown(boss, workers);
            Throwable cause = bound.cause();
            IOException io = cause instanceof IOException e ? e : new IOException(cause);
            throw new UncheckedIOException("cannot listen on " + address + ": " + cause.getMessage(), io);
        }
        return new HttpServer(boss, workers, bound.channel());
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Waits until the server channel is closed (by {@link #close()}, from another thread). */
    void awaitClosed() throws InterruptedException {
        channel.closeFuture().await();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        shutdown(boss, workers);
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
