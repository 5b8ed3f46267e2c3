package io.streambench.driver;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.util.concurrent.ScheduledFuture;
import io.streambench.client.Api;
import io.streambench.client.sse.SendStamps;
import io.streambench.client.sse.SseListener;
import io.streambench.client.sse.SseParser;
import io.streambench.client.sse.StreamEnd;
import io.streambench.client.sse.StreamError;
import io.streambench.client.sse.TokenUsage;
import io.streambench.driver.workload.PlannedRequest;
import io.streambench.driver.workload.TokenPlan;
import io.streambench.mock.profile.RequestOverrides;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One attempt of one request: sends its prepared body, times every read where it arrives (before parsing),
 * enforces the timeouts with a single re-armed timer, classifies the ending and records the measured metrics.
 * Output tokens, chunks and bytes count in the stage's {@link StageWindow} as they arrive: each content
 * event adds its estimated tokens, and the exact count, when known, adds the difference: the usage chunk's
 * as it arrives, else the run's tokenizer's count of the streamed text, taken once the attempt ended (never
 * between a read and its timestamp). The text is kept ({@link ReceivedText}) for that count and for a
 * conversation's next turn. Everything after {@link #start} runs on the connection's event loop.
 *
 * <p>Its roles: the parser's {@link SseListener} (the SSE events), the write's outcome
 * ({@link #writeCompleted}) and the timeout timer ({@link #checkDeadlines}). The two callbacks are objects made
 * once per attempt, so a re-armed timer allocates nothing of its own.
 */
final class Exchange implements SseListener, ChannelUser {

    /** Called once per attempt, on an event loop, after the attempt ended. */
    interface Done {
        void attemptDone(Exchange exchange);
    }

    private static final int MAX_ERROR_BODY_CHARS = 200;
    /** A 2xx that is not an event stream ends after this many characters of its body (or at its end). */
    private static final int MAX_NOT_SSE_BODY_CHARS = 100;

    private final Request request;
    private final int attempt;
    private final Shared shared;
    private final StageMetrics metrics;
    private final StageWindow window;
    private final boolean measured;
    private final ClientStrategies.Session client;
    /**
     * The timer's task: ends the attempt if a deadline passed, else re-arms. On another client stack its events come
     * on the stack's threads, under this object's lock ({@link StackAttempt}), and so does the check.
     */
    private final Runnable deadlineCheck = () -> {
        if (this.stack == null) {
            checkDeadlines();
        } else {
            synchronized (this) {
                checkDeadlines();
            }
        }
    };
    /** The request write's listener: a write that fails ends the attempt. */
    private final ChannelFutureListener writeListener = this::writeCompleted;

    private volatile boolean cancelRequested;
    private volatile Channel channel;
    /** The attempt on another client stack ({@code --client}), or null on the driver's own Netty client. */
    private volatile StackAttempt stack;
    private StreamHandler handler;
    private ScheduledFuture<?> timer;
    private SseParser parser;
    private boolean parserEnded;
    private boolean finished;
    private boolean keepAlive;

    private long connectNanos = -1;
    private long sendNanos = -1;
    private long headersNanos = -1;
    private long firstEventNanos = -1;
    private long firstTokenNanos = -1;
    private long firstAnswerNanos = -1;
    private long lastContentNanos = -1;
    private long lastEventNanos = -1;
    private long doneNanos = -1;
    private long endNanos = -1;
    private int status;
    private int chunks;
    private long bytes;
    private long estimatedTokens;
    private long usageTokens = -1;
    /** The usage as the API spreads it over its events. */
    private final UsageTally usage = new UsageTally();
    /** Where the first {@code data:} line starts, whether or not the parser reports anything for its event. */
    private final FirstDataLine firstData = new FirstDataLine();
    /** The answer as received, and the tool calls' arguments: for an exact count and the next turn. */
    private final ReceivedText received = new ReceivedText();
    /**
     * Whether to keep the text: always for a conversation's turn; else only while the stage has seen no usage,
     * since a server that sends usage gives the exact count and the text would only take memory.
     */
    private final boolean keepText;
    /** The tokenizer's count of the text, once the attempt ended without usage; -1 otherwise. */
    private long countedExact = -1;
    /** The reasoning part of the output ({@link #countReasoning}), once the attempt ended. */
    private long reasoningTokens = -1;
    /** Tokens of this attempt added to the stage's window so far. */
    private long countedTokens;
    private long itlMax = -1;
    private long parseNanos;
    private long stampOverheadMax = -1;
    private String finishReason;
    private String apiError;
    private String malformed;
    private StringBuilder errorBody;
    private String notSseType;
    private boolean refused;
    private long retryAfterNanos = RetryAfter.NONE;
    private ErrorClass error;
    private String message;
    /** The attempt's instants, once it ended. */
    private AttemptTimes times;
    private AttemptTap.Probe probe;

    Exchange(Request request, int attempt, Shared shared) {
        this.request = request;
        this.attempt = attempt;
        this.shared = shared;
        this.metrics = request.stage().metrics();
        this.window = metrics.window();
        this.measured = request.measured();
        this.client = shared.strategies().newSession(metrics, measured);
        this.keepText = request.prepared().session() != null || !metrics.usageSeen();
    }

    /** What every attempt of a run shares; {@code tap} sees bodies and event bytes, or is null. */
    record Shared(Target target, Timeouts timeouts, ClientOptions options, ClientStrategies strategies,
            HttpTransport transport, HttpHeaders headers, long runStartNanos, Done done, AttemptTap tap) {

        Shared(Target target, Timeouts timeouts, ClientOptions options, ClientStrategies strategies,
                HttpTransport transport, HttpHeaders headers, long runStartNanos, Done done) {
            this(target, timeouts, options, strategies, transport, headers, runStartNanos, done, null);
        }
    }

    Request request() {
        return request;
    }

    int attempt() {
        return attempt;
    }

    ErrorClass error() {
        return error;
    }

    int status() {
        return status;
    }

    long retryAfterNanos() {
        return retryAfterNanos;
    }

    /** The error message as in requests.csv, or null. */
    String message() {
        return message;
    }

    /** Whether the connection was refused (error class connect). */
    boolean refused() {
        return refused;
    }

    /** Whether response headers with a 2xx status arrived (a retry would repeat delivered tokens). */
    boolean streamStarted() {
        return status >= 200 && status < 300;
    }

    /** Starts the attempt on {@code ch} (event loop of {@code ch}). */
    @Override
    public void start(Channel ch, long connectTook) {
        channel = ch;
        connectNanos = connectTook;
        handler = ch.pipeline().get(StreamHandler.class);
        if (cancelRequested) {
            finish(ErrorClass.CANCELLED, "run stopped before sending", System.nanoTime(), false);
            return;
        }
        handler.attach(this);
        byte[] body = request.prepared().body();
        if (shared.tap() != null) {
            probe = shared.tap().attempt(request.id(), attempt, body);
            body = probe.body();
        }
        FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                shared.target().pathAndQuery(), Unpooled.wrappedBuffer(body));
        http.headers().set(shared.headers());
        http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (shared.target().mockSeeds()) {
            http.headers().set(RequestOverrides.SEED, Long.toString(request.mockSeed()));
        }
        int asked = request.prepared().plan().tokens().outputTokens();
        if (asked > 0 && shared.target().requests().answerLengthHeader()) {
            http.headers().set(RequestOverrides.OUTPUT_TOKENS, Integer.toString(asked));
        }
        client.start(ch.eventLoop());
        long beforeWrite = System.nanoTime();
        sendNanos = beforeWrite;  // stands if the write fails at once
        ch.writeAndFlush(http).addListener(writeListener);
        if (finished) {
            return;
        }
        // The send instant is when the encoded request went to the socket (the flush, within this call on the
        // event loop); the encoding before it is the driver's own work, not the server's time.
        long flushed = handler.stamps().lastFlush();
        sendNanos = flushed - beforeWrite >= 0 ? flushed : beforeWrite;
        lastEventNanos = sendNanos;
        if (probe != null) {
            probe.sent(sendNanos);
        }
        if (attempt == 1 && measured) {
            recordPlan(request.prepared().plan().tokens());
        }
        armTimer(sendNanos);
    }

    /** A request's own figures, once, at its first send: its lag against its schedule and its lengths. */
    private void recordPlan(TokenPlan tokens) {
        metrics.record(Metric.SCHEDULE_LAG, sendNanos - request.intendedNanos());
        metrics.record(Metric.INPUT_TOKENS, tokens.promptTokens());
        if (tokens.outputTokens() > 0) {
            metrics.record(Metric.OUTPUT_TOKENS_REQUESTED, tokens.outputTokens());
        }
    }

    /**
     * Starts the attempt on another client stack, which was handed the request at {@code sendNanos} (under this
     * object's lock): its events come through {@code on}, timers run on the driver's event loops.
     */
    void startDetached(StackAttempt on, long sendNanos) {
        stack = on;
        if (cancelRequested) {
            finish(ErrorClass.CANCELLED, "run stopped before sending", System.nanoTime(), false);
            return;
        }
        client.start(shared.transport().nextLoop(), this);
        this.sendNanos = sendNanos;
        lastEventNanos = sendNanos;
        if (attempt == 1 && measured) {
            recordPlan(request.prepared().plan().tokens());
        }
        armTimer(sendNanos);
    }

    /** Whether the attempt has ended. */
    boolean finished() {
        return finished;
    }

    /** Body bytes another client stack showed (its own parser reads them). */
    void bodyBytes(int readable, long arrivalNanos) {
        bytes += readable;
        if (readable > 0) {
            window.read(readable, arrivalNanos);
        }
    }

    /** The start of a body that is not an event stream, from another client stack. */
    void errorText(CharSequence text) {
        if (errorBody != null && errorBody.length() < MAX_ERROR_BODY_CHARS) {
            errorBody.append(text, 0, Math.min(text.length(), MAX_ERROR_BODY_CHARS - errorBody.length()));
        }
    }

    /** Another client stack said how the stream failed. */
    void failed(ErrorClass ending, String text, boolean connectionRefused, long nowNanos) {
        refused = connectionRefused;
        finish(ending, text, nowNanos, false);
    }

    /** The connect or the TLS handshake failed (event loop of the failed channel). */
    @Override
    public void connectFailed(Throwable cause, long nowNanos) {
        NotSslRecordException notTls = find(cause, NotSslRecordException.class);
        ConnectException connect = find(cause, ConnectException.class);
        if (cause instanceof SslHandshakeTimeoutException) {
            finish(ErrorClass.CONNECT, "tls handshake: " + cause.getMessage(), nowNanos, false);
        } else if (notTls != null) {
            finish(ErrorClass.TLS, "tls handshake: " + notTls(notTls), nowNanos, false);
        } else if (cause instanceof SSLException) {
            finish(ErrorClass.TLS, "tls handshake: " + rootMessage(cause), nowNanos, false);
        } else if (connect != null && String.valueOf(connect.getMessage()).toLowerCase(Locale.ROOT).contains("refused")) {
            refused = true;
            finish(ErrorClass.CONNECT, "connection refused by " + shared.target().url().getHost() + ":"
                    + shared.target().port(), nowNanos, false);
        } else {
            String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            finish(ErrorClass.CONNECT, text, nowNanos, false);
        }
    }

    private static <T extends Throwable> T find(Throwable cause, Class<T> type) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * Netty says "not an SSL/TLS record: " and hex-dumps the whole answer; the usual cause is an https URL
     * for a plain http port, whose answer starts with an HTTP status line: say that, in words.
     */
    private static String notTls(NotSslRecordException e) {
        String text = String.valueOf(e.getMessage());
        int colon = text.lastIndexOf(": ");
        String answer;
        try {
            byte[] bytes = HexFormat.of().parseHex(text.substring(colon + 2).strip());
            answer = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException notHex) {
            answer = "";
        }
        String start = answer.lines().findFirst().orElse("").strip();
        start = start.substring(0, Math.min(start.length(), 40));
        boolean printable = !start.isEmpty() && start.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (answer.startsWith("HTTP/")) {
            return "the server answered in plain HTTP (" + start + "), not TLS";
        }
        return "the server's answer is not TLS" + (printable ? " (it starts \"" + start + "\")" : "");
    }

    /** The innermost cause says what was wrong (expired, no matching name, unknown issuer). */
    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Asks the attempt to end as cancelled; any thread. */
    void cancel() {
        if (cancelRequested) {
            return;
        }
        cancelRequested = true;
        Channel ch = channel;
        if (ch != null) {
            ch.eventLoop().execute(() -> finish(ErrorClass.CANCELLED, "run stopped", System.nanoTime(), false));
        } else if (stack != null) {
            synchronized (this) {
                finish(ErrorClass.CANCELLED, "run stopped", System.nanoTime(), false);
            }
        }
    }

    /** The request was written to the socket, or could not be. */
    private void writeCompleted(ChannelFuture future) {
        if (!future.isSuccess()) {
            Throwable cause = future.cause();
            onTransportError("write failed: " + (cause == null ? "unknown" : cause.getMessage()), System.nanoTime());
        }
    }

    @Override
    public void onHeaders(HttpResponse response, long arrivalNanos) {
        if (finished) {
            return;
        }
        headersNanos = arrivalNanos;
        lastEventNanos = arrivalNanos;
        status = response.status().code();
        keepAlive = HttpUtil.isKeepAlive(response);
        String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (streamStarted() && type != null && !isEventStream(type)) {
            notSseType = type;
            errorBody = new StringBuilder();
        } else if (streamStarted()) {
            if (measured) {
                metrics.record(Metric.TTFB, arrivalNanos - sendNanos);
            }
            // another client stack parses the body itself and calls this listener
            parser = stack != null ? null : shared.options().parser().create(shared.target().api(), this);
        } else {
            HttpHeaders h = response.headers();
            retryAfterNanos = RetryAfter.nanos(h.get("retry-after-ms"), h.get(HttpHeaderNames.RETRY_AFTER),
                    Instant.now());
            errorBody = new StringBuilder();
        }
    }

    /** {@code text/event-stream}, with or without parameters (charset), in any case. */
    private static boolean isEventStream(String contentType) {
        int semicolon = contentType.indexOf(';');
        String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return media.strip().equalsIgnoreCase("text/event-stream");
    }

    @Override
    public void onBody(ByteBuf content, long arrivalNanos, boolean last) {
        if (finished) {
            return;
        }
        int readable = content.readableBytes();
        bytes += readable;
        if (readable > 0) {
            window.read(readable, arrivalNanos);
        }
        if (parser != null) {
            if (readable > 0) {
                // The first event of any kind (Responses' response.created, Anthropic's message_start) is the
                // first event, though no listener call may come for it.
                if (firstEventNanos < 0 && firstData.scan(content)) {
                    event(arrivalNanos);
                }
                if (probe != null) {
                    probe.read(content, arrivalNanos, parser);
                } else {
                    parser.feed(content, arrivalNanos);
                }
                client.onReadComplete();
                long parsed = System.nanoTime();
                parseNanos += parsed - arrivalNanos;
                if (measured) {
                    metrics.record(Metric.PARSE, parsed - arrivalNanos);
                }
            }
        } else if (errorBody != null && errorBody.length() < MAX_ERROR_BODY_CHARS && readable > 0) {
            int take = Math.min(readable, MAX_ERROR_BODY_CHARS - errorBody.length());
            errorBody.append(content.toString(content.readerIndex(), take, StandardCharsets.UTF_8));
        }
        if (notSseType != null && !last && errorBody.length() >= MAX_NOT_SSE_BODY_CHARS) {
            // Enough to say what came: the rest (a whole completion, a page) is not read.
            notSse(arrivalNanos, false);
        } else if (last && !finished) {
            endOfResponse(arrivalNanos);
        }
    }

    void endOfResponse(long nowNanos) {
        if (!streamStarted()) {
            String body = errorBody == null ? "" : errorBody.toString().replaceAll("\\s+", " ").trim();
            finish(ErrorClass.HTTP_STATUS, "status=" + status + (body.isEmpty() ? "" : " " + body), nowNanos, true);
        } else if (notSseType != null) {
            notSse(nowNanos, true);
        } else if (endOfBody(nowNanos) < 0) {
            finish(ErrorClass.NO_DONE, "response ended without " + endMarker(shared.target().api()), nowNanos, true);
        } else {
            finish(ErrorClass.NONE, null, nowNanos, true);
        }
    }

    /**
     * The end instant once the body ended: the end marker's, or for an API without one (Gemini) now, when the
     * parser, told the body ended, finds that the last event had a finish reason; -1 when the stream did not end.
     */
    private long endOfBody(long nowNanos) {
        if (doneNanos < 0 && !shared.target().api().endMarker()) {
            endParser(nowNanos);
        }
        return doneNanos;
    }

    /** Ends the parser, once (its contract): at the body's end for Gemini, else when the attempt finishes. */
    private void endParser(long nowNanos) {
        if (parser != null && !parserEnded) {
            parserEnded = true;
            parser.end(nowNanos);
        }
    }

    /** What says a stream of {@code api} is complete, for the message of one that is not. */
    private static String endMarker(Api api) {
        return switch (api) {
            case CHAT, COMPLETIONS -> "[DONE]";
            case RESPONSES -> "response.completed (or .incomplete, .failed)";
            case MESSAGES -> "message_stop";
            case GEMINI -> "an event with a finishReason";
        };
    }

    private void notSse(long nowNanos, boolean responseComplete) {
        String first = errorBody.length() > MAX_NOT_SSE_BODY_CHARS ? errorBody.substring(0, MAX_NOT_SSE_BODY_CHARS)
                : errorBody.toString();
        String body = first.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        finish(ErrorClass.NOT_SSE, "status=" + status + " content-type=\"" + notSseType.replace('"', '\'') + "\""
                + (body.isEmpty() ? "" : " " + body), nowNanos, responseComplete);
    }

    /** The connection closed (event loop). */
    @Override
    public void onClosed(long nowNanos) {
        if (finished) {
            return;
        }
        String where = headersNanos < 0 ? "before response headers" : "before the response ended";
        finish(ErrorClass.RESET, "connection closed " + where, nowNanos, false);
    }

    /** A read or write failed, or the response could not be decoded (event loop). */
    @Override
    public void onTransportError(String text, long nowNanos) {
        if (finished) {
            return;
        }
        finish(ErrorClass.RESET, text, nowNanos, false);
    }

    // ---- timeouts: one timer, re-armed to the nearest deadline

    private void armTimer(long nowNanos) {
        long deadline = nextDeadline();
        timer = (channel != null ? channel.eventLoop() : shared.transport().nextLoop())
                .schedule(deadlineCheck, Math.max(0, deadline - nowNanos), TimeUnit.NANOSECONDS);
    }

    private long nextDeadline() {
        long total = sendNanos + shared.timeouts().total().toNanos();
        long phase = firstTokenNanos < 0 ? sendNanos + shared.timeouts().ttft().toNanos()
                : lastEventNanos + shared.timeouts().idle().toNanos();
        return Math.min(total, phase);
    }

    /** The timer fired: the nearest deadline may have passed. */
    private void checkDeadlines() {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        if (now - sendNanos >= shared.timeouts().total().toNanos()) {
            finish(ErrorClass.TOTAL_TIMEOUT, "no end within " + shared.timeouts().total().toMillis() + " ms", now, false);
        } else if (firstTokenNanos < 0 && now - sendNanos >= shared.timeouts().ttft().toNanos()) {
            finish(ErrorClass.TTFT_TIMEOUT, "no token within " + shared.timeouts().ttft().toMillis() + " ms", now, false);
        } else if (firstTokenNanos >= 0 && now - lastEventNanos >= shared.timeouts().idle().toNanos()) {
            finish(ErrorClass.IDLE_TIMEOUT, "no event for " + shared.timeouts().idle().toMillis() + " ms", now, false);
        } else {
            armTimer(now);
        }
    }

    // ---- SSE events (event loop, during parser.feed)

    private void event(long arrivalNanos) {
        lastEventNanos = arrivalNanos;
        if (firstEventNanos < 0) {
            firstEventNanos = arrivalNanos;
            if (measured) {
                metrics.record(Metric.TTFE, arrivalNanos - sendNanos);
            }
        }
    }

    private void token(int tokens, long arrivalNanos) {
        event(arrivalNanos);
        chunks++;
        estimatedTokens += tokens;
        // Once the usage chunk has fixed the count, later events add none.
        long add = usageTokens >= 0 ? 0 : tokens;
        countedTokens += add;
        window.arrived(add, arrivalNanos);
        if (firstTokenNanos < 0) {
            firstTokenNanos = arrivalNanos;
            if (probe != null) {
                probe.firstToken();
            }
            if (measured) {
                metrics.record(Metric.TTFT, arrivalNanos - sendNanos);
                metrics.record(Metric.RESPONSE_TTFT, arrivalNanos - request.intendedNanos());
            }
        } else {
            long gap = arrivalNanos - lastContentNanos;
            itlMax = Math.max(itlMax, gap);
            if (measured) {
                metrics.record(Metric.ITL, gap);
                metrics.record(Metric.ITL_TOKEN, gap / Math.max(1, tokens));
            }
        }
        if (measured) {
            metrics.record(Metric.TOKENS_PER_CHUNK, tokens);
        }
        lastContentNanos = arrivalNanos;
    }

    @Override
    public void onRole(int choice, CharSequence role, long arrivalNanos) {
        event(arrivalNanos);
    }

    /** The first answer token (text or a tool call, after any reasoning); call after {@link #token}. */
    private void answer(long arrivalNanos) {
        if (firstAnswerNanos < 0) {
            firstAnswerNanos = arrivalNanos;
            if (measured) {
                metrics.record(Metric.TTFA, arrivalNanos - sendNanos);
            }
        }
    }

    @Override
    public void onReasoning(int choice, CharSequence text, long arrivalNanos) {
        token(TokenEstimator.count(text), arrivalNanos);
        if (keepText) {
            received.reasoning(text);
        }
    }

    @Override
    public void onContent(int choice, CharSequence text, long arrivalNanos) {
        token(TokenEstimator.count(text), arrivalNanos);
        answer(arrivalNanos);
        if (keepText) {
            received.answer(text);
        }
        client.onText(text, arrivalNanos);
    }

    @Override
    public void onToolCall(int choice, int toolIndex, CharSequence id, CharSequence name, CharSequence arguments,
            long arrivalNanos) {
        token(arguments == null || arguments.length() == 0 ? 1 : TokenEstimator.count(arguments), arrivalNanos);
        answer(arrivalNanos);
        if (keepText && arguments != null && arguments.length() > 0) {
            received.arguments(arguments);
        }
    }

    @Override
    public void onFinish(int choice, CharSequence reason, long arrivalNanos) {
        event(arrivalNanos);
        finishReason = reason.toString();
    }

    /**
     * The server's counts, as often as the API repeats them (Gemini on every event, Anthropic at the start and
     * the end): the latest output count fixes the attempt's, and its figures are recorded once, at its end.
     */
    @Override
    public void onUsage(TokenUsage counts, long arrivalNanos) {
        event(arrivalNanos);
        metrics.sawUsage();
        if (usage.accept(counts)) {
            long completion = usage.outputTokens();
            usageTokens = completion;
            window.corrected(completion - countedTokens, arrivalNanos);
            countedTokens = completion;
        }
    }

    @Override
    public void onError(StreamError streamError, long arrivalNanos) {
        event(arrivalNanos);
        if (streamError.kind() == StreamError.Kind.API) {
            if (apiError == null) {
                // the type says what kind of failure in every API (overloaded_error, server_error, UNAVAILABLE)
                String type = streamError.type() == null ? "" : "type=" + streamError.type();
                String code = streamError.code() == null ? "" : "code=" + streamError.code();
                String details = type.isEmpty() || code.isEmpty() ? type + code : type + ", " + code;
                apiError = streamError.message() + (details.isEmpty() ? "" : " (" + details + ")");
            }
        } else if (malformed == null) {
            malformed = streamError.message();
        }
    }

    @Override
    public void onEnd(StreamEnd end, long arrivalNanos) {
        event(arrivalNanos);
        if (!end.answered() && apiError == null) {
            // response.failed comes after its error; should a server send it alone, the end still says it failed
            apiError = "the stream ended with " + end.name().toLowerCase(Locale.ROOT).replace('_', '.');
        }
        if (doneNanos < 0) {
            doneNanos = arrivalNanos;
        }
    }

    @Override
    public void onComment(CharSequence text, long arrivalNanos) {
        stamp(SendStamps.parse(text), arrivalNanos);
    }

    /** The server's send stamp of the event that arrived at {@code arrivalNanos}, or {@link SendStamps#NONE}. */
    void stamp(long stamp, long arrivalNanos) {
        if (stamp != SendStamps.NONE) {
            long overhead = arrivalNanos - stamp;
            stampOverheadMax = Math.max(stampOverheadMax, overhead);
            if (measured) {
                metrics.record(Metric.STAMP_OVERHEAD, overhead);
            }
        }
    }

    // ---- the end

    private void finish(ErrorClass ending, String text, long nowNanos, boolean responseComplete) {
        if (finished) {
            return;
        }
        finished = true;
        endNanos = nowNanos;
        if (timer != null) {
            timer.cancel(false);
        }
        endParser(nowNanos);
        // An error event or unreadable data says more than how the connection ended afterwards.
        if (apiError != null && ending != ErrorClass.HTTP_STATUS) {
            error = ErrorClass.ERROR_EVENT;
            message = apiError + (ending.ok() ? "" : "; then " + ending.label());
        } else if (malformed != null && ending != ErrorClass.HTTP_STATUS) {
            error = ErrorClass.MALFORMED;
            message = malformed + (ending.ok() ? "" : "; then " + ending.label());
        } else {
            error = ending;
            message = text;
        }
        client.end(error.ok());
        if (handler != null) {
            handler.detach();
        }
        if (stack != null) {
            stack.ended(responseComplete);
        }
        if (channel != null) {
            if (responseComplete && keepAlive && !cancelRequested) {
                shared.transport().release(channel);
            } else {
                channel.close();
            }
        }
        try {
            times = times();
        } catch (IllegalArgumentException broken) {
            // instants out of order: a bug here, not data. row() throws it again, and the runner stops the run
            // with it; the attempt still ends, so that nothing waits for it.
            times = null;
        }
        countText();
        reasoningTokens = countReasoning();
        if (measured && usage.promptTokens() >= 0) {
            metrics.record(Metric.USAGE_INPUT_TOKENS, usage.promptTokens());
            metrics.record(Metric.CACHED_TOKENS, usage.cachedTokens());
        }
        if (times != null && error.ok() && measured) {
            metrics.record(Metric.E2E, times.e2e());
            metrics.record(Metric.RESPONSE_E2E, times.responseE2e());
            metrics.record(Metric.OUTPUT_TOKENS, outputTokens());
            if (reasoningTokens > 0) {
                metrics.record(Metric.REASONING_TOKENS, reasoningTokens);
            }
            long tpot = times.tpot(outputTokens());
            if (tpot >= 0) {
                metrics.record(Metric.TPOT, tpot);
            }
        }
        shared.done().attemptDone(this);
    }

    /**
     * Without usage, counts the kept text with the run's tokenizer: after the attempt's last instant was taken,
     * never between a read and its timestamp. The window gets the difference to the estimates it counted, at the
     * last content's instant, as it gets the usage chunk's difference.
     */
    private void countText() {
        if (usageTokens >= 0 || chunks == 0 || !keepText || !received.complete()) {
            return;
        }
        countedExact = received.count(shared.target().requests().tokenizer());
        window.corrected(countedExact - countedTokens, lastContentNanos);
        countedTokens = countedExact;
    }

    private long outputTokens() {
        return usageTokens >= 0 ? usageTokens : countedExact >= 0 ? countedExact : estimatedTokens;
    }

    /**
     * The reasoning part of the output, once the attempt ended: the usage's count when it gives one, else the
     * streamed reasoning counted with the run's tokenizer (a server whose usage does not count it apart); 0 when
     * neither found any; -1 when nothing can say (no usage, and no text kept: none came, or too long, or not kept).
     */
    private long countReasoning() {
        if (usage.reasoningTokens() > 0) {
            return usage.reasoningTokens();
        }
        if (chunks > 0 && keepText && received.complete()) {
            return received.reasoningCount(shared.target().requests().tokenizer());
        }
        return usage.outputTokens() >= 0 ? 0 : -1;
    }

    private TokenSource tokenSource() {
        return usageTokens >= 0 ? TokenSource.USAGE : chunks == 0 ? TokenSource.NONE
                : countedExact >= 0 ? TokenSource.TOKENIZER : TokenSource.ESTIMATE;
    }

    /** The answer's text exactly as received, or null when it was too long to keep (or not kept). */
    String answerText() {
        return keepText ? received.answer() : null;
    }

    /** Where the answer ended: {@code [DONE]}, else the end of the attempt. */
    long answerEndNanos() {
        return doneNanos >= 0 ? doneNanos : endNanos;
    }

    private AttemptTimes times() {
        return new AttemptTimes(shared.runStartNanos(), request.intendedNanos(), connectNanos, sendNanos, headersNanos,
                firstEventNanos, firstTokenNanos, firstAnswerNanos, doneNanos, endNanos, itlMax);
    }

    /**
     * The attempt as a requests.csv row (after it ended); IllegalArgumentException when its instants are out of
     * order (a bug of this class).
     */
    AttemptRow row(boolean retried) {
        AttemptTimes times = this.times != null ? this.times : times();
        PlannedRequest plan = request.prepared().plan();
        PlannedRequest.Grouping group = plan.group();
        return new AttemptRow(new AttemptRow.Id(request.id(), attempt, metrics.index(), measured), times,
                new AttemptRow.Ending(error, status, message, retryAfterNanos, retried),
                new AttemptRow.Received(chunks, bytes, outputTokens(), tokenSource(),
                        shared.target().requests().tokenizer().name(), finishReason, usage.outputField(),
                        reasoningTokens),
                new AttemptRow.Overhead(parseNanos, stampOverheadMax), client.figures(),
                new AttemptRow.Plan(plan.tokens().promptTokens(), plan.tokens().outputTokens(), usage.promptTokens(),
                        usage.cachedTokens(), group.prefixGroup(), group.session(), group.turn()));
    }
}
