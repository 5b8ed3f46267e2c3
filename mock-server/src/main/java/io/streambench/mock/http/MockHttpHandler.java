package io.streambench.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import io.streambench.mock.fault.ArmedFaults;
import io.streambench.mock.fault.Fault;
import io.streambench.mock.fault.FaultAction;
import io.streambench.mock.fault.RateLimiter;
import io.streambench.mock.profile.Profile;
import io.streambench.mock.profile.RequestOverrides;
import io.streambench.mock.stats.PrometheusMetrics;
import io.streambench.mock.stats.ServerStats;
import io.streambench.mock.stream.ChatRequest;
import io.streambench.mock.stream.Completion;
import io.streambench.mock.stream.StreamPlan;
import io.streambench.mock.stream.StreamSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Routes the requests of one connection and answers them one at a time: pipelined requests wait in order
 * until the answer before them (a stream may last minutes) has ended. Stateful, so one per channel.
 */
final class MockHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SNAKE = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    /** Whether the connection is answering a request now (read by the body aggregator). */
    static final AttributeKey<Boolean> BUSY = AttributeKey.valueOf(MockHttpHandler.class, "busy");
    private static final int MAX_PIPELINED = 64;
    private static final String JSON_TYPE = HttpHeaderValues.APPLICATION_JSON.toString();
    private static final byte[] HEALTH = utf8("{\"status\":\"ok\"}");
    /** Bytes of pipelined requests a connection may queue behind the one being answered. */
    private static final long MAX_PIPELINED_BYTES = 8L * 1024 * 1024;
    /**
     * A non-streaming answer is rendered whole on the event loop (about 0.4 µs a token); beyond this many
     * tokens that would hold up every other stream of the loop, so such a request is refused.
     */
    static final long MAX_NON_STREAMING_TOKENS = 100_000;

    private final ServerState state;
    private final ServerStats stats;
    private final ArrayDeque<FullHttpRequest> pipelined = new ArrayDeque<>();
    private long pipelinedBytes;
    private long idleSinceNanos = System.nanoTime();
    private StreamSession session;
    private ScheduledFuture<?> delayedAnswer;
    private ScheduledFuture<?> pendingStart;
    private boolean busy;

    /**
     * Makes Jackson introspect the stats records and renders /metrics once, off the event loops: done
     * lazily, the first {@code /stats} call would stall one event loop for ~100 ms in the middle of a run.
     */
    static void warmUp() {
        ServerStats scratch = new ServerStats();
        SNAKE.valueToTree(scratch.snapshot(false));
        PrometheusMetrics.render(scratch, "warm-up");
    }

    MockHttpHandler(ServerState state) {
        this.state = state;
        this.stats = state.stats();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (busy) {
            pipelinedBytes += request.content().readableBytes();
            if (pipelined.size() >= MAX_PIPELINED || pipelinedBytes > MAX_PIPELINED_BYTES) {
                ctx.close(); // a client that floods requests it does not wait for
                return;
            }
            pipelined.add(request.retain());
            return;
        }
        handle(ctx, request);
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        busy = true;
        ctx.channel().attr(BUSY).set(Boolean.TRUE);
        stats.request();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpHeaderException) {
                error(ctx, HttpVersion.HTTP_1_1, false, 431, "Request headers too large: " + cause.getMessage(), null,
                        "headers_too_large");
            } else if (cause instanceof TooLongHttpLineException) {
                error(ctx, HttpVersion.HTTP_1_1, false, 414, "Request line too long: " + cause.getMessage(), null,
                        "uri_too_long");
            } else if (cause instanceof TooLongFrameException) {
                // From BoundedBodyAggregator: the body is over the limit (the rest of it is not read).
                error(ctx, HttpVersion.HTTP_1_1, false, 413, cause.getMessage(), null, "request_too_large");
            } else {
                error(ctx, HttpVersion.HTTP_1_1, false, 400, "Malformed HTTP request: " + cause.getMessage(), null,
                        null);
            }
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        HttpMethod method = request.method();
        switch (path) {
            case "/v1/chat/completions", "/chat/completions" -> {
                if (method.equals(HttpMethod.POST)) {
                    chat(ctx, request, keepAlive);
                } else {
                    notAllowed(ctx, request, keepAlive, "POST");
                }
            }
            case "/v1/models", "/models" -> ifGet(ctx, request, keepAlive, JSON_TYPE, () -> utf8(models()));
            case "/health" -> ifGet(ctx, request, keepAlive, JSON_TYPE, () -> HEALTH.clone());
            case "/stats" -> ifGet(ctx, request, keepAlive, JSON_TYPE, () -> utf8(statsJson(request.uri())));
            case "/metrics" -> ifGet(ctx, request, keepAlive, PrometheusMetrics.contentType(),
                    () -> PrometheusMetrics.render(stats, state.transport()));
            default -> error(ctx, request.protocolVersion(), keepAlive, 404, "Unknown request URL: "
                    + method + " " + path + ". Please check the URL for typos.", null, "unknown_url");
        }
    }

    private void chat(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        long startNanos = System.nanoTime();
        HttpVersion version = request.protocolVersion();
        JsonNode body;
        try {
            body = JSON.readTree((java.io.InputStream) new ByteBufInputStream(request.content()));
        } catch (IOException e) {
            error(ctx, version, keepAlive, 400, "We could not parse the JSON body of your request. (HINT: This likely "
                    + "means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, "
                    + "but what was sent was not valid JSON.)", null, null);
            return;
        }
        StreamPlan plan;
        try {
            ChatRequest chat = ChatRequestDecoder.decode(body);
            RequestOverrides overrides = RequestOverrides.fromHeaders(request.headers()::get);
            Profile profile = state.profiles().forModel(chat.model());
            if (overrides.profile() != null) {
                profile = state.profiles().named(overrides.profile());
                if (profile == null) {
                    throw new BadRequestException(RequestOverrides.PROFILE, "invalid_value", "invalid "
                            + RequestOverrides.PROFILE + " header: no profile named '" + overrides.profile() + "'");
                }
            }
            if (profile.requireApiKey() && !hasBearer(request)) {
                error(ctx, version, keepAlive, 401, "You didn't provide an API key. You need to provide your API key "
                        + "in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                        null, "invalid_api_key");
                return;
            }
            try {
                plan = StreamPlan.create(profile, chat, overrides, System.currentTimeMillis() / 1000);
            } catch (StreamPlan.UnknownFunctionException e) {
                throw new BadRequestException("tool_choice", "invalid_value", e.getMessage());
            }
            if (!profile.rateLimit().isUnlimited()) {
                RateLimiter.Decision d = state.rateLimiter().acquire(profile.rateLimit(), profile.name(),
                        bearer(request), plan.promptTokens() + plan.completionTokens(), startNanos);
                if (!d.admitted()) {
                    stats.fault("rate_limit");
                    rateLimited(ctx, version, keepAlive, d, plan);
                    return;
                }
            }
            List<Fault> faults = overrides.faults() != null ? overrides.faults() : profile.faults();
            ArmedFaults armed = ArmedFaults.arm(faults, plan.seed(), state.faultCounters());
            if (armed.httpError() != null) {
                stats.fault("http");
                httpFault(ctx, version, keepAlive, armed.httpError(), plan);
                return;
            }
            if (!chat.stream() && plan.completionTokens() > MAX_NON_STREAMING_TOKENS) {
                throw new BadRequestException(null, "invalid_value", "A non-streaming answer is limited to "
                        + MAX_NON_STREAMING_TOKENS + " tokens here, and this one would have "
                        + plan.completionTokens() + "; ask for stream: true.");
            }
            StreamPlan p = plan;
            if (armed.slowHeadersMillis() > 0) {
                stats.fault("slow_headers");
                long shifted = startNanos + TimeUnit.MILLISECONDS.toNanos(armed.slowHeadersMillis());
                pendingStart = ctx.executor().schedule(() -> {
                    pendingStart = null;
                    answer(ctx, p, armed, chat.stream(), version, keepAlive, shifted);
                }, armed.slowHeadersMillis(), TimeUnit.MILLISECONDS);
            } else {
                answer(ctx, p, armed, chat.stream(), version, keepAlive, startNanos);
            }
        } catch (RequestOverrides.BadHeaderException e) {
            error(ctx, version, keepAlive, 400, e.getMessage(), e.header(), "invalid_value");
        } catch (BadRequestException e) {
            error(ctx, version, keepAlive, 400, e.getMessage(), e.param(), e.code());
        }
    }

    private void answer(ChannelHandlerContext ctx, StreamPlan plan, ArmedFaults armed, boolean stream,
            HttpVersion version, boolean keepAlive, long startNanos) {
        if (stream) {
            stream(ctx, plan, armed, version, keepAlive, startNanos);
        } else {
            complete(ctx, plan, version, keepAlive, startNanos);
        }
    }

    private void stream(ChannelHandlerContext ctx, StreamPlan plan, ArmedFaults armed, HttpVersion version,
            boolean keepAlive, long startNanos) {
        HttpResponse response = new DefaultHttpResponse(version, HttpResponseStatus.OK);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        replayHeaders(response, plan);
        // HTTP/1.0 has no chunked encoding: the stream is delimited by closing the connection.
        boolean chunked = version.equals(HttpVersion.HTTP_1_1);
        if (chunked) {
            HttpUtil.setTransferEncodingChunked(response, true);
        }
        boolean reuse = keepAlive && chunked;
        HttpUtil.setKeepAlive(response, reuse);
        stats.response(200);
        // Not flushed here: the session flushes the head with the first events when they are due at once
        // (one syscall for an unpaced stream), or right away when they are not.
        ctx.write(response, ctx.voidPromise());
        session = new StreamSession(ctx, ctx.pipeline().context(MockServerInitializer.HTTP_CODEC), chunked, plan,
                armed, stats, () -> answered(ctx, reuse));
        session.start(startNanos);
    }

    private void complete(ChannelHandlerContext ctx, StreamPlan plan, HttpVersion version, boolean keepAlive,
            long startNanos) {
        String json = Completion.json(plan);
        long due = startNanos + Completion.durationNanos(plan);
        stats.streamStarted();
        delayedAnswer = ctx.executor().schedule(() -> {
            delayedAnswer = null;
            stats.recordLatenessNanos(System.nanoTime() - due);
            FullHttpResponse response = jsonResponse(version, 200, json);
            stats.response(200);
            replayHeaders(response, plan);
            stats.sent(0, response.content().readableBytes());
            stats.streamCompleted();
            send(ctx, response, keepAlive);
        }, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** The headers that let a client replay exactly this answer. */
    private static void replayHeaders(HttpResponse r, StreamPlan plan) {
        r.headers().set("x-mock-seed", Long.toString(plan.seed())).set("x-mock-profile", plan.profile().name());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean hasBearer(FullHttpRequest request) {
        return bearer(request) != null;
    }

    /** The bearer token, or null when there is none. */
    private static String bearer(FullHttpRequest request) {
        String auth = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
            return null;
        }
        return auth.substring(7).trim();
    }

    private void rateLimited(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive, RateLimiter.Decision d,
            StreamPlan plan) {
        long seconds = Math.max(1, (d.retryAfterMillis() + 999) / 1000);
        FullHttpResponse r = errorResponse(version, 429, "Rate limit reached: limit " + d.limitRequests()
                + " requests and " + d.limitTokens() + " tokens per minute (0 = none). Please try again in "
                + d.retryAfterMillis() + "ms.", null, "rate_limit_exceeded");
        r.headers().set("retry-after", seconds)
                .set("retry-after-ms", d.retryAfterMillis())
                .set("x-ratelimit-limit-requests", d.limitRequests())
                .set("x-ratelimit-remaining-requests", d.remainingRequests())
                .set("x-ratelimit-limit-tokens", d.limitTokens())
                .set("x-ratelimit-remaining-tokens", d.remainingTokens())
                .set("x-ratelimit-reset-requests", d.retryAfterMillis() + "ms");
        replayHeaders(r, plan);
        stats.response(429);
        send(ctx, r, keepAlive);
    }

    private void httpFault(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive,
            FaultAction.HttpError e, StreamPlan plan) {
        int status = e.status();
        String message;
        String code;
        switch (status) {
            case 429 -> {
                message = "Rate limit reached for requests (injected fault).";
                code = "rate_limit_exceeded";
            }
            case 401 -> {
                message = "Incorrect API key provided (injected fault).";
                code = "invalid_api_key";
            }
            case 500 -> {
                message = "The server had an error while processing your request. Sorry about that!";
                code = null;
            }
            case 503 -> {
                message = "The engine is currently overloaded, please try again later.";
                code = "overloaded";
            }
            default -> {
                message = "Injected fault: HTTP " + status + ".";
                code = null;
            }
        }
        FullHttpResponse r = errorResponse(version, status, message, null, code);
        if (e.retryAfterSeconds() != null) {
            r.headers().set("retry-after", e.retryAfterSeconds());
        }
        if (e.retryAfterMs() != null) {
            r.headers().set("retry-after-ms", e.retryAfterMs());
        }
        if (e.shouldRetry() != null) {
            r.headers().set("x-should-retry", e.shouldRetry().toString());
        }
        replayHeaders(r, plan);
        stats.response(status);
        send(ctx, r, keepAlive);
    }

    private String models() {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String name : state.profiles().byName().keySet()) {
            data.addObject().put("id", name).put("object", "model").put("created", 0).put("owned_by", "streambench");
        }
        return root.toString();
    }

    private String statsJson(String uri) {
        List<String> reset = new QueryStringDecoder(uri).parameters().getOrDefault("reset", List.of());
        ServerStats.Snapshot s = stats.snapshot(reset.contains("true"));
        ObjectNode root = SNAKE.valueToTree(s);
        root.put("transport", state.transport());
        return root.toString();
    }

    private void ifGet(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive, String contentType,
            Supplier<byte[]> body) {
        if (request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD)) {
            FullHttpResponse r = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(body.get()));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
            stats.response(200);
            send(ctx, r, keepAlive);
        } else {
            notAllowed(ctx, request, keepAlive, "GET");
        }
    }

    private void notAllowed(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive, String allow) {
        FullHttpResponse r = errorResponse(request.protocolVersion(), 405, "Method " + request.method()
                + " is not allowed for " + new QueryStringDecoder(request.uri()).path() + "; use " + allow + ".",
                null, "method_not_allowed");
        r.headers().set(HttpHeaderNames.ALLOW, allow);
        stats.response(405);
        send(ctx, r, keepAlive);
    }

    private void error(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive, int status, String message,
            String param, String code) {
        stats.response(status);
        send(ctx, errorResponse(version, status, message, param, code), keepAlive);
    }

    private static FullHttpResponse errorResponse(HttpVersion version, int status, String message, String param,
            String code) {
        return jsonResponse(version, status, OpenAiErrors.body(message, OpenAiErrors.typeFor(status), param, code));
    }

    private static FullHttpResponse jsonResponse(HttpVersion version, int status, String json) {
        FullHttpResponse r = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(status),
                Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        return r;
    }

    private void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
            answered(ctx, true);
        } else {
            ctx.write(response, ctx.voidPromise());
            answered(ctx, false);
        }
    }

    /** The current answer is complete: serve the next pipelined request, or close once it is written. */
    private void answered(ChannelHandlerContext ctx, boolean keepAlive) {
        session = null;
        busy = false;
        ctx.channel().attr(BUSY).set(Boolean.FALSE);
        if (!keepAlive) {
            // Close after everything written so far has reached the socket (an empty write completes
            // after the writes before it); written below the codec, which has finished its response.
            ctx.pipeline().context(MockServerInitializer.HTTP_CODEC).writeAndFlush(Unpooled.EMPTY_BUFFER)
                    .addListener(ChannelFutureListener.CLOSE);
            releasePipelined();
            return;
        }
        idleSinceNanos = System.nanoTime();
        FullHttpRequest next = pipelined.poll();
        if (next != null) {
            pipelinedBytes -= next.content().readableBytes();
            try {
                handle(ctx, next);
            } finally {
                next.release();
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            // Only a connection with nothing in flight is idle, and only counting from its last answer:
            // the reader-idle clock also ran while a long stream was being sent.
            if (!busy && System.nanoTime() - idleSinceNanos >= TimeUnit.MILLISECONDS.toNanos(state.idleTimeoutMillis())) {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            session.writabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            session.cancel();
            session = null;
        }
        if (delayedAnswer != null) {
            delayedAnswer.cancel(false);
            delayedAnswer = null;
            stats.streamCancelled();
        }
        if (pendingStart != null) {
            pendingStart.cancel(false);
            pendingStart = null;
        }
        releasePipelined();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset by the peer or a failed write: the connection is gone; channelInactive cleans up.
        ctx.close();
    }

    private void releasePipelined() {
        FullHttpRequest r;
        while ((r = pipelined.poll()) != null) {
            r.release();
        }
    }

}
