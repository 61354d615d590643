package io.headroom.loadgen.emulator;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/** Answers every request 200 at once, on the connection's own thread (so pipelined answers keep their order). */
@Sharable
final class InstantHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final LongAdder answered = new LongAdder();

    long answered() {
        return answered.sum();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !request.decoderResult().isFailure();
        int status = request.decoderResult().isFailure() ? 400 : 200;
        answered.increment();
        var write = ctx.writeAndFlush(Responses.json(request.protocolVersion(), status, Router.OK_BODY, keepAlive));
        if (!keepAlive) {
            write.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            ctx.fireExceptionCaught(cause);
        }
        ctx.close();
    }
}
