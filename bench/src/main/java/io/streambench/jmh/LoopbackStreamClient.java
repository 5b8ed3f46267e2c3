package io.streambench.jmh;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.streambench.client.Api;
import io.streambench.client.sse.ParserFactory;
import io.streambench.client.sse.SseListener;
import io.streambench.client.sse.SseParser;
import io.streambench.client.sse.StreamEnd;
import io.streambench.client.sse.StreamError;
import io.streambench.client.sse.TokenUsage;
import io.streambench.mock.profile.RequestOverrides;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A minimal streaming client for the end-to-end benchmark: one keep-alive HTTP/1.1 connection on one
 * NIO event loop, each response body read fed, timestamped where it arrives, to a new
 * {@link ParserFactory} parser per stream. One stream at a time; {@link #stream} waits for the end of the
 * response, at most {@code timeoutMillis}.
 *
 * <pre>{@code
 * try (LoopbackStreamClient client = new LoopbackStreamClient(mock.port(), "bytes-scan", 200)) {
 *     LoopbackStreamClient.Result result = client.stream(5_000);
 * }
 * }</pre>
 */
final class LoopbackStreamClient implements AutoCloseable {

    /** What one stream gave: SSE events parsed, and nanoseconds from the request's write to the first content. */
    record Result(long events, long ttftNanos) {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ParserFactory parser;
    private final int outputTokens;
    private final String host;
    private final byte[] body;
    private final Channel channel;
    private volatile Call call;

    /**
     * Connects to the embedded mock on {@code port}; every stream asks the {@code instant} profile for
     * {@code outputTokens} one-token chunks with no delays, and the usage chunk.
     */
    LoopbackStreamClient(int port, ParserFactory parser, int outputTokens) throws InterruptedException {
        this.parser = parser;
        this.outputTokens = outputTokens;
        this.host = "127.0.0.1:" + port;
        this.body = ("{\"model\":\"instant\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about streaming.\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new Handler());
                    }
                })
                .connect("127.0.0.1", port).sync().channel();
    }

    /** Sends one request and waits for its whole stream. */
    Result stream(long timeoutMillis) throws Exception {
        Call current = new Call(parser);
        call = current;
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                "/v1/chat/completions", Unpooled.wrappedBuffer(body));
        request.headers()
                .set(HttpHeaderNames.HOST, host)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(RequestOverrides.TTFT_MS, "0")
                .set(RequestOverrides.ITL_MS, "0")
                .set(RequestOverrides.OUTPUT_TOKENS, Integer.toString(outputTokens))
                .set(RequestOverrides.TOKENS_PER_CHUNK, "1")
                .set(RequestOverrides.SEED, "42");
        current.sentNanos = System.nanoTime();
        channel.writeAndFlush(request);
        return current.done.get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** One request in flight: its parser and what the parser reported. */
    private static final class Call implements SseListener {
        final SseParser parser;
        final CompletableFuture<Result> done = new CompletableFuture<>();
        volatile long sentNanos;
        long events;
        long firstContentNanos;
        String error;

        Call(ParserFactory strategy) {
            parser = strategy.create(Api.CHAT, this);
        }

        @Override
        public void onRole(int choice, CharSequence role, long arrivalNanos) {
            events++;
        }

        @Override
        public void onContent(int choice, CharSequence text, long arrivalNanos) {
            if (firstContentNanos == 0) {
                firstContentNanos = arrivalNanos;
            }
            events++;
        }

        @Override
        public void onFinish(int choice, CharSequence reason, long arrivalNanos) {
            events++;
        }

        @Override
        public void onUsage(TokenUsage usage, long arrivalNanos) {
            events++;
        }

        @Override
        public void onError(StreamError streamError, long arrivalNanos) {
            error = streamError.toString();
        }

        @Override
        public void onEnd(StreamEnd end, long arrivalNanos) {
            events++;
        }

        void end(long nowNanos) {
            parser.end(nowNanos);
            if (error != null) {
                done.completeExceptionally(new IOException("stream error=" + error));
            } else {
                done.complete(new Result(events, firstContentNanos - sentNanos));
            }
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            long arrival = System.nanoTime();
            Call current = call;
            if (msg instanceof HttpResponse response && response.status().code() != 200) {
                current.error = "status=" + response.status().code();
            }
            if (msg instanceof HttpContent content) {
                if (content.content().isReadable()) {
                    current.parser.feed(content.content(), arrival);
                }
                if (msg instanceof LastHttpContent) {
                    current.end(System.nanoTime());
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Call current = call;
            if (current != null) {
                current.done.completeExceptionally(cause);
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Call current = call;
            if (current != null) {
                current.done.completeExceptionally(new IOException("connection closed"));
            }
        }
    }
}
