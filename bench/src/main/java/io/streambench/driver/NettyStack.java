package io.streambench.driver;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.streambench.client.sse.SseParser;
import io.streambench.client.stack.ClientStack;
import io.streambench.client.stack.ClientStackProvider;
import io.streambench.client.stack.OpenStream;
import io.streambench.client.stack.StackSettings;
import io.streambench.client.stack.StreamEvents;
import io.streambench.client.stack.StreamRequest;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * Our Netty client as a {@link ClientStack}: the driver's {@link HttpTransport} (event loops, keep-alive pool, the
 * socket-side timestamps of {@link SocketStamps}) with the chosen parser fed on the event loop. Every arrival is the
 * read off the socket that held the bytes, as in the driver. {@code run --client netty} (the default) takes the
 * driver's own path through {@link Exchange}, which this shares its transport and parser with; this class serves
 * the uses that need the interface (the end-to-end benchmark of every stack).
 */
public final class NettyStack implements ClientStack {

    /** Registered for {@link java.util.ServiceLoader}: {@code netty}. */
    public static final class Provider implements ClientStackProvider {
        @Override
        public String name() {
            return "netty";
        }

        @Override
        public String description() {
            return "streambench's Netty 4.2 client: event loops, keep-alive pool, reads stamped at the socket";
        }

        @Override
        public boolean usesParser() {
            return true;
        }

        @Override
        public boolean seesComments() {
            return true;
        }

        @Override
        public ClientStack create(StackSettings settings) {
            return new NettyStack(settings);
        }
    }

    private final StackSettings settings;
    /** One transport per scheme, host and port; the first shares its event loops with the others. */
    private final Map<String, HttpTransport> transports = new ConcurrentHashMap<>();
    /** The transport that owns the event loops, or null before the first stream. */
    private volatile HttpTransport owner;

    NettyStack(StackSettings settings) {
        this.settings = settings;
    }

    @Override
    public OpenStream open(StreamRequest request, StreamEvents events) {
        Stream stream = new Stream(request, events);
        transport(request).open(stream);
        return stream;
    }

    private HttpTransport transport(StreamRequest request) {
        String key = request.url().getScheme() + "://" + request.url().getAuthority();
        return transports.computeIfAbsent(key, k -> {
            Target target = new Target(request.url(), Map.of(), null, Requests.ofPrompt("-", "-", 0, false), false);
            Timeouts timeouts = new Timeouts(settings.connectTimeout(), Timeouts.DEFAULTS.ttft(), Timeouts.DEFAULTS.idle(),
                    Timeouts.DEFAULTS.total());
            if (owner == null) {
                owner = new HttpTransport(target, timeouts, settings.ioThreads());
                return owner;
            }
            return new HttpTransport(target, timeouts, ClientTls.DEFAULT, owner);
        });
    }

    @Override
    public void close() {
        // the borrowing transports first: the owner's close stops the loops
        transports.values().stream().filter(t -> t != owner).forEach(HttpTransport::close);
        if (owner != null) {
            owner.close();
        }
    }

    /** One stream, on its connection's event loop. */
    private final class Stream implements ChannelUser, OpenStream {
        private final StreamRequest request;
        private final StreamEvents events;
        private volatile Channel channel;
        private volatile boolean cancelled;
        private StreamHandler handler;
        private SseParser parser;
        private boolean errorBody;
        private boolean ended;
        private boolean keepAlive;

        Stream(StreamRequest request, StreamEvents events) {
            this.request = request;
            this.events = events;
        }

        @Override
        public void start(Channel ch, long connectTook) {
            channel = ch;
            if (cancelled) {
                ch.close();
                return;
            }
            handler = ch.pipeline().get(StreamHandler.class);
            handler.attach(this);
            String path = request.url().getRawPath() == null || request.url().getRawPath().isEmpty() ? "/"
                    : request.url().getRawPath();
            FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                    request.url().getRawQuery() == null ? path : path + "?" + request.url().getRawQuery(),
                    Unpooled.wrappedBuffer(request.body()));
            http.headers().set(HttpHeaderNames.HOST, request.url().getAuthority());
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            http.headers().set(HttpHeaderNames.ACCEPT, "text/event-stream");
            request.headers().forEach(http.headers()::set);
            http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
            ch.writeAndFlush(http).addListener(f -> {
                if (f.isSuccess()) {
                    events.onSent(handler.stamps().lastFlush());
                } else {
                    fail(StreamEvents.Failure.RESET, "write failed: " + f.cause(), System.nanoTime());
                }
            });
        }

        @Override
        public void connectFailed(Throwable cause, long nowNanos) {
            String text = String.valueOf(cause.getMessage());
            StreamEvents.Failure failure = cause instanceof SSLException || cause.getCause() instanceof SSLException
                    ? StreamEvents.Failure.TLS : cause instanceof ConnectException
                    && text.toLowerCase(Locale.ROOT).contains("refused") ? StreamEvents.Failure.REFUSED
                    : StreamEvents.Failure.CONNECT;
            fail(failure, text, nowNanos);
        }

        @Override
        public void onHeaders(HttpResponse response, long arrivalNanos) {
            keepAlive = HttpUtil.isKeepAlive(response);
            String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
            events.onResponse(response.status().code(), type, response.headers()::get, arrivalNanos);
            boolean sse = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
            if (response.status().code() / 100 == 2 && sse) {
                parser = settings.parser().create(request.api(), events);
            } else {
                errorBody = true;
            }
        }

        @Override
        public void onBody(ByteBuf content, long arrivalNanos, boolean last) {
            if (ended) {
                return;
            }
            int readable = content.readableBytes();
            events.onBytes(readable, arrivalNanos);
            if (parser != null) {
                parser.feed(content, arrivalNanos);
            } else if (errorBody && readable > 0) {
                events.onErrorBody(content.toString(content.readerIndex(), Math.min(readable, 200),
                        StandardCharsets.UTF_8));
            }
            if (last) {
                end(arrivalNanos, true);
                events.onComplete(arrivalNanos);
            }
        }

        @Override
        public void onClosed(long nowNanos) {
            fail(StreamEvents.Failure.RESET, "connection closed before the response ended", nowNanos);
        }

        @Override
        public void onTransportError(String text, long nowNanos) {
            fail(StreamEvents.Failure.RESET, text, nowNanos);
        }

        @Override
        public void cancel() {
            cancelled = true;
            Channel ch = channel;
            if (ch != null) {
                ch.eventLoop().execute(() -> {
                    if (!ended) {
                        end(System.nanoTime(), false);
                    }
                });
            }
        }

        private void fail(StreamEvents.Failure failure, String text, long nowNanos) {
            if (!ended) {
                end(nowNanos, false);
                events.onFailure(failure, text, nowNanos);
            }
        }

        /** Ends the parser; gives the connection back after a {@code complete} keep-alive event stream, else closes it. */
        private void end(long nowNanos, boolean complete) {
            ended = true;
            if (parser != null) {
                parser.end(nowNanos);
            }
            if (handler != null) {
                handler.detach();
            }
            if (channel == null) {
                return;
            }
            if (complete && !cancelled && keepAlive && parser != null) {
                transport(request).release(channel);
            } else {
                channel.close();
            }
        }
    }
}
