package io.headroom.loadgen.emulator;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * One connection of the emulated endpoint. {@code /healthz} is answered here, {@code /metrics} and
 * every other path go to the {@link Router}. Requests pipelined on one connection are handed to the
 * router one at a time, the next when the previous is answered, so responses keep request order
 * (as one HTTP/1.1 connection to a real router would serve them). State is confined to the
 * connection's event loop.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** Pipelined requests held per connection before it stops reading, so one client cannot grow memory. */
    static final int MAX_PIPELINED = 256;

    private final Router router;
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;

    private enum Kind { SCORE, METRICS, HEALTH }

    private record Request(Kind kind, HttpVersion version, boolean keepAlive) {
    }

    ConnectionHandler(Router router) {
        this.router = router;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            context.writeAndFlush(Responses.json(HttpVersion.HTTP_1_1, 400, "{\"error\":\"malformed request\"}", false))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        waiting.add(new Request(kindOf(request.uri()), request.protocolVersion(), HttpUtil.isKeepAlive(request)));
        if (waiting.size() >= MAX_PIPELINED) {
            context.channel().config().setAutoRead(false);
        }
        if (waiting.size() == 1) {
            dispatchHead();
        }
    }

    static Kind kindOf(String uri) {
        int end = uri.indexOf('?');
        String path = end < 0 ? uri : uri.substring(0, end);
        if (path.equals("/metrics")) {
            return Kind.METRICS;
        }
        return path.equals("/healthz") ? Kind.HEALTH : Kind.SCORE;
    }

    private void dispatchHead() {
        Request head = waiting.peek();
        switch (head.kind()) {
            case HEALTH -> answered(200, Router.OK_BODY);
            case METRICS -> router.metrics(this::answerFromAnyThread);
            case SCORE -> router.score(this::answerFromAnyThread);
            default -> throw new IllegalStateException(head.kind().name());
        }
    }

    private void answerFromAnyThread(int status, String body) {
        if (ctx.executor().inEventLoop()) {
            answered(status, body);
        } else {
            ctx.executor().execute(() -> answered(status, body));
        }
    }

    private void answered(int status, String body) {
        Request head = waiting.poll();
        if (head == null || !ctx.channel().isActive()) {
            return;
        }
        if (waiting.size() == MAX_PIPELINED / 2) {
            ctx.channel().config().setAutoRead(true);
        }
        var write = ctx.writeAndFlush(Responses.json(head.version(), status, body, head.keepAlive()));
        if (!head.keepAlive()) {
            write.addListener(ChannelFutureListener.CLOSE);
            waiting.clear();
        } else if (!waiting.isEmpty()) {
            dispatchHead();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        waiting.clear();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // A reset by the client is routine under load (the request it carried stays in the model);
        // anything else is a bug and goes on to Netty's logging.
        if (!(cause instanceof IOException)) {
            context.fireExceptionCaught(cause);
        }
        context.close();
    }
}
