package io.streambench.driver;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.streambench.client.sse.SseListener;

/**
 * One attempt of one request: sends its prepared body, times every read where it arrives (before parsing),
 * enforces the timeouts, classifies the ending and records the measured metrics. Everything after {@link #start}
 * runs on the connection's event loop (on another client stack, under this object's lock: {@link StackAttempt}).
 *
 * <p>It coordinates; its parts, made once per attempt so that nothing allocates per event, do the work: the
 * response's reads and the parser's {@link SseListener} ({@link ResponseReader}), the instants and latency
 * metrics ({@link Timeline}), the bytes and tokens received ({@link TokenAccount}), how it ended
 * ({@link AttemptEnding}, in words from {@link FailureText}), the timeouts ({@link AttemptTimer}) and the request
 * itself ({@link RequestSend}). Its own
 * roles: the connection's {@link ChannelUser}, the write's outcome ({@link #writeCompleted}) and the end
 * ({@link #finish}), which releases the connection; {@link AttemptRecord} then records the attempt.
 *
 * <p>Somewhat over 300 lines and left whole: it is the attempt's life in order (start, response, end), and about a
 * third of it is the one-line accessors its callers ({@code LoadRunner}, {@link StackAttempt}) read.
 */
final class Exchange implements ChannelUser {

    /** Called once per attempt, on an event loop, after the attempt ended. */
    interface Done {
        void attemptDone(Exchange exchange);
    }

    private final Request request;
    private final int attempt;
    private final Shared shared;
    private final boolean measured;
    private final ClientStrategies.Session client;
    private final Timeline timeline;
    private final TokenAccount tokens;
    private final AttemptEnding ending = new AttemptEnding();
    private final AttemptTimer timer;
    private final ResponseReader reader;
    private final AttemptRecord record;
    /** The request write's listener: a write that fails ends the attempt. */
    private final ChannelFutureListener writeListener = this::writeCompleted;

    private volatile boolean cancelRequested;
    private volatile Channel channel;
    /** The attempt on another client stack ({@code --client}), or null on the driver's own Netty client. */
    private volatile StackAttempt stack;
    private StreamHandler handler;
    private boolean finished;
    private AttemptTap.Probe probe;

    Exchange(Request request, int attempt, Shared shared) {
        this.request = request;
        this.attempt = attempt;
        this.shared = shared;
        StageMetrics metrics = request.stage().metrics();
        this.measured = request.measured();
        this.client = shared.strategies().newSession(metrics, measured);
        this.timeline = new Timeline(metrics, measured, request.intendedNanos());
        this.tokens = new TokenAccount(metrics, measured, shared.target().requests().tokenizer(),
                request.prepared().session() != null);
        this.timer = new AttemptTimer(this, timeline, shared.timeouts());
        this.reader = new ResponseReader(timeline, tokens, ending, client);
        this.record = new AttemptRecord(request, attempt, shared.runStartNanos(), timeline, tokens, ending, reader,
                client);
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
        return ending.error();
    }

    int status() {
        return ending.status();
    }

    long retryAfterNanos() {
        return ending.retryAfterNanos();
    }

    /** The error message as in requests.csv, or null. */
    String message() {
        return ending.message();
    }

    /** Whether the connection was refused (error class connect). */
    boolean refused() {
        return ending.refused();
    }

    /** Whether response headers with a 2xx status arrived (a retry would repeat delivered tokens). */
    boolean streamStarted() {
        return ending.streamStarted();
    }

    /** The response's reader and the parser's listener: another client stack passes its events here. */
    ResponseReader reader() {
        return reader;
    }

    /** Whether the attempt has ended. */
    boolean finished() {
        return finished;
    }

    /** Whether the attempt runs on another client stack, whose calls come under this object's lock. */
    boolean detached() {
        return stack != null;
    }

    /** Where the timer runs: the connection's event loop, or one of the driver's for another client stack. */
    EventLoop timerLoop() {
        Channel ch = channel;
        return ch != null ? ch.eventLoop() : shared.transport().nextLoop();
    }

    /** Starts the attempt on {@code ch} (event loop of {@code ch}). */
    @Override
    public void start(Channel ch, long connectTook) {
        channel = ch;
        timeline.connected(connectTook);
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
            reader.probe(probe);
        }
        var http = RequestSend.encode(body, request, shared);
        client.start(ch.eventLoop());
        long beforeWrite = System.nanoTime();
        timeline.sent(beforeWrite);  // stands if the write fails at once
        ch.writeAndFlush(http).addListener(writeListener);
        if (finished) {
            return;
        }
        timeline.sent(RequestSend.sentAt(handler, beforeWrite));
        if (probe != null) {
            probe.sent(timeline.sendNanos());
        }
        sent();
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
        timeline.sent(sendNanos);
        sent();
    }

    private void sent() {
        if (attempt == 1 && measured) {
            timeline.recordPlan(request.prepared().plan().tokens());
        }
        timer.arm(timerLoop(), timeline.sendNanos());
    }

    /** Body bytes another client stack showed (its own parser reads them). */
    void bodyBytes(int readable, long arrivalNanos) {
        tokens.read(readable, arrivalNanos);
    }

    /** The start of a body that is not an event stream, from another client stack. */
    void errorText(CharSequence text) {
        ending.errorText(text);
    }

    /** Another client stack said how the stream failed. */
    void failed(ErrorClass ending, String text, boolean connectionRefused, long nowNanos) {
        this.ending.refused(connectionRefused);
        finish(ending, text, nowNanos, false);
    }

    /** The connect or the TLS handshake failed (event loop of the failed channel). */
    @Override
    public void connectFailed(Throwable cause, long nowNanos) {
        FailureText.ConnectFailure failure = FailureText.connect(cause, shared.target().url().getHost(),
                shared.target().port());
        ending.refused(failure.refused());
        finish(failure.error(), failure.message(), nowNanos, false);
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
        if (!finished) {
            timeline.headers(arrivalNanos);
            if (ending.headers(response)) {
                timeline.streamHeaders();
                // another client stack parses the body itself and calls the listener
                reader.parseWith(stack != null ? null : shared.options().parser().create(shared.target().api(), reader));
            }
        }
    }

    @Override
    public void onBody(ByteBuf content, long arrivalNanos, boolean last) {
        if (finished) {
            return;
        }
        reader.read(content, arrivalNanos);
        if (!last && ending.notSseEnough()) {
            // Enough to say what came: the rest (a whole completion, a page) is not read.
            finish(ErrorClass.NOT_SSE, ending.notSseMessage(), arrivalNanos, false);
        } else if (last && !finished) {
            endOfResponse(arrivalNanos);
        }
    }

    void endOfResponse(long nowNanos) {
        if (!ending.streamStarted()) {
            finish(ErrorClass.HTTP_STATUS, ending.statusMessage(), nowNanos, true);
        } else if (ending.isNotSse()) {
            finish(ErrorClass.NOT_SSE, ending.notSseMessage(), nowNanos, true);
        } else if (!reader.ended(shared.target().api().endMarker(), nowNanos)) {
            finish(ErrorClass.NO_DONE, "response ended without " + FailureText.endMarker(shared.target().api()),
                    nowNanos, true);
        } else {
            finish(ErrorClass.NONE, null, nowNanos, true);
        }
    }

    /** The connection closed (event loop). */
    @Override
    public void onClosed(long nowNanos) {
        if (!finished) {
            String where = timeline.headersArrived() ? "before the response ended" : "before response headers";
            finish(ErrorClass.RESET, "connection closed " + where, nowNanos, false);
        }
    }

    /** A read or write failed, or the response could not be decoded (event loop). */
    @Override
    public void onTransportError(String text, long nowNanos) {
        if (!finished) {
            finish(ErrorClass.RESET, text, nowNanos, false);
        }
    }

    /** Ends the attempt as {@code end}, once; {@code responseComplete} when the whole response was read. */
    void finish(ErrorClass end, String text, long nowNanos, boolean responseComplete) {
        if (finished) {
            return;
        }
        finished = true;
        timeline.ended(nowNanos);
        timer.cancel();
        reader.endParser(nowNanos);
        ending.settle(end, text);
        client.end(ending.error().ok());
        if (handler != null) {
            handler.detach();
        }
        if (stack != null) {
            stack.ended(responseComplete);
        }
        if (channel != null) {
            if (responseComplete && ending.keepAlive() && !cancelRequested) {
                shared.transport().release(channel);
            } else {
                channel.close();
            }
        }
        record.ended();
        shared.done().attemptDone(this);
    }

    /** The answer's text exactly as received, or null when it was too long to keep (or not kept). */
    String answerText() {
        return tokens.answer();
    }

    /** Where the answer ended: {@code [DONE]}, else the end of the attempt. */
    long answerEndNanos() {
        return timeline.answerEndNanos();
    }

    /**
     * The attempt as a requests.csv row (after it ended); IllegalArgumentException when its instants are out of
     * order (a bug of the driver).
     */
    AttemptRow row(boolean retried) {
        return record.row(retried);
    }
}
