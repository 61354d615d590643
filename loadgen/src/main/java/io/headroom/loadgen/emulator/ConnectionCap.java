package io.headroom.loadgen.emulator;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Serves a connection opened beyond the cap on open connections: every request on it gets 503 and
 * the connection closes, so an overload cannot exhaust file descriptors.
 */
final class ConnectionCap extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String BODY = "{\"error\":\"too many open connections\",\"status\":503}";

    private final Runnable onRejected;

    ConnectionCap(Runnable onRejected) {
        this.onRejected = onRejected;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        onRejected.run();
        ctx.writeAndFlush(Responses.json(HttpVersion.HTTP_1_1, 503, BODY, false)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
