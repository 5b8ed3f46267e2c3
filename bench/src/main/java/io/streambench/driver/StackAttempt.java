package io.streambench.driver;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.streambench.client.sse.StreamEnd;
import io.streambench.client.sse.StreamError;
import io.streambench.client.sse.TokenUsage;
import io.streambench.client.stack.ClientStack;
import io.streambench.client.stack.OpenStream;
import io.streambench.client.stack.StreamEvents;
import io.streambench.client.stack.StreamRequest;
import io.streambench.mock.profile.RequestOverrides;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One attempt carried by another client stack ({@code run --client NAME}): hands the request to the stack and
 * passes what the stack tells to the attempt's {@link Exchange}, which times, classifies and records it as on the
 * driver's own client. The stack's threads call in; each call takes the exchange's lock, as do its timers, so the
 * exchange sees one thing at a time. What differs from the Netty client: the send is the call to
 * {@link ClientStack#open} (a stack shows no socket write), and every instant is where the stack's API handed
 * the thing to user code, after its own decoding, parsing and thread hand-offs.
 */
final class StackAttempt implements StreamEvents {

    private final Exchange exchange;
    private volatile OpenStream stream;
    /** The attempt ended before the stream was complete: the stream is to be cancelled. */
    private volatile boolean cancel;

    private StackAttempt(Exchange exchange) {
        this.exchange = exchange;
    }

    /** Starts {@code exchange} on {@code stack}. */
    static void open(Exchange exchange, ClientStack stack, Exchange.Shared shared) {
        StackAttempt attempt = new StackAttempt(exchange);
        StreamRequest request = request(exchange.request(), shared);
        synchronized (exchange) {
            exchange.startDetached(attempt, System.nanoTime());
            if (exchange.finished()) {
                return;
            }
        }
        OpenStream opened;
        try {
            opened = stack.open(request, attempt);
        } catch (RuntimeException e) {
            attempt.onFailure(Failure.OTHER, "the client stack could not open the stream: " + e, System.nanoTime());
            return;
        }
        attempt.stream = opened;
        if (attempt.cancel) {
            opened.cancel();
        }
    }

    private static StreamRequest request(Request request, Exchange.Shared shared) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : shared.headers()) {
            // the stack sets the framing headers itself, as it does for its users
            if (!h.getKey().equalsIgnoreCase(HttpHeaderNames.HOST.toString())
                    && !h.getKey().equalsIgnoreCase(HttpHeaderNames.CONTENT_TYPE.toString())
                    && !h.getKey().equalsIgnoreCase(HttpHeaderNames.ACCEPT.toString())) {
                headers.put(h.getKey(), h.getValue());
            }
        }
        if (shared.target().mockSeeds()) {
            headers.put(RequestOverrides.SEED, Long.toString(request.mockSeed()));
        }
        // as the driver's own client sends it (Exchange.start): the planned answer length, where the mock is told
        int asked = request.prepared().plan().tokens().outputTokens();
        if (asked > 0 && shared.target().requests().answerLengthHeader()) {
            headers.put(RequestOverrides.OUTPUT_TOKENS, Integer.toString(asked));
        }
        return new StreamRequest(shared.target().url(), headers, request.prepared().body(),
                shared.target().api());
    }

    /** Runs {@code call} under the exchange's lock, unless the attempt has ended. */
    private void locked(Runnable call) {
        synchronized (exchange) {
            if (!exchange.finished()) {
                call.run();
            }
        }
    }

    /** The exchange ended; cancels the stream unless it ended by itself. */
    void ended(boolean responseComplete) {
        if (responseComplete) {
            return;
        }
        cancel = true;
        OpenStream s = stream;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onResponse(int status, String contentType, UnaryOperator<String> header, long arrivalNanos) {
        HttpHeaders h = new DefaultHttpHeaders();
        if (contentType != null) {
            h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        for (String name : new String[] {"retry-after-ms", HttpHeaderNames.RETRY_AFTER.toString()}) {
            String value = header.apply(name);
            if (value != null) {
                h.set(name, value);
            }
        }
        DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), h);
        locked(() -> exchange.onHeaders(response, arrivalNanos));
    }

    @Override
    public void onBytes(int bytes, long arrivalNanos) {
        locked(() -> exchange.bodyBytes(bytes, arrivalNanos));
    }

    @Override
    public void onErrorBody(CharSequence text) {
        locked(() -> exchange.errorText(text));
    }

    @Override
    public void onSendStamp(long sentNanos, long deliveredNanos) {
        locked(() -> exchange.reader().stamp(sentNanos, deliveredNanos));
    }

    @Override
    public void onComplete(long nanos) {
        locked(() -> exchange.endOfResponse(nanos));
    }

    @Override
    public void onFailure(Failure failure, String message, long nanos) {
        ErrorClass ending = switch (failure) {
            case CONNECT, REFUSED -> ErrorClass.CONNECT;
            case TLS -> ErrorClass.TLS;
            case RESET, OTHER -> ErrorClass.RESET;
        };
        locked(() -> exchange.failed(ending, message, failure == Failure.REFUSED, nanos));
    }

    // ---- the SSE events, as the stack's API delivered them (ignored once the attempt ended)

    @Override
    public void onRole(int choice, CharSequence role, long arrivalNanos) {
        locked(() -> exchange.reader().onRole(choice, role, arrivalNanos));
    }

    @Override
    public void onReasoning(int choice, CharSequence text, long arrivalNanos) {
        locked(() -> exchange.reader().onReasoning(choice, text, arrivalNanos));
    }

    @Override
    public void onContent(int choice, CharSequence text, long arrivalNanos) {
        locked(() -> exchange.reader().onContent(choice, text, arrivalNanos));
    }

    @Override
    public void onToolCall(int choice, int toolIndex, CharSequence id, CharSequence name, CharSequence arguments,
            long arrivalNanos) {
        locked(() -> exchange.reader().onToolCall(choice, toolIndex, id, name, arguments, arrivalNanos));
    }

    @Override
    public void onFinish(int choice, CharSequence reason, long arrivalNanos) {
        locked(() -> exchange.reader().onFinish(choice, reason, arrivalNanos));
    }

    @Override
    public void onUsage(TokenUsage usage, long arrivalNanos) {
        locked(() -> exchange.reader().onUsage(usage, arrivalNanos));
    }

    @Override
    public void onError(StreamError error, long arrivalNanos) {
        locked(() -> exchange.reader().onError(error, arrivalNanos));
    }

    @Override
    public void onEnd(StreamEnd end, long arrivalNanos) {
        locked(() -> exchange.reader().onEnd(end, arrivalNanos));
    }

    @Override
    public void onComment(CharSequence text, long arrivalNanos) {
        locked(() -> exchange.reader().onComment(text, arrivalNanos));
    }
}
