package io.streambench.client.stack;

import io.streambench.client.sse.SendStamps;
import io.streambench.client.sse.SseListener;
import java.util.function.UnaryOperator;

/**
 * What a {@link ClientStack} tells about one stream. Every instant is {@code System.nanoTime()}, taken where the
 * stack's API handed the thing to user code (a listener call, a subscriber's {@code onNext}, an iterator's
 * {@code next}): that is what a stack adds, and what the driver measures. The SSE events themselves come through
 * the {@link SseListener} calls, with those instants as {@code arrivalNanos}.
 */
public interface StreamEvents extends SseListener {

    /** How a stream failed, as far as the stack tells. */
    enum Failure {
        /** The connection could not be made (refused, unreachable, connect timeout). */
        CONNECT,
        /** The connection was refused. */
        REFUSED,
        /** The TLS handshake failed. */
        TLS,
        /** The connection broke or the response could not be read. */
        RESET,
        /** Anything else the stack reported. */
        OTHER
    }

    /**
     * The request went out, if the stack can tell when (OkHttp's {@code EventListener} can, for example); else the
     * driver counts from the {@link ClientStack#open} call.
     */
    default void onSent(long sentNanos) {
    }

    /** The status line and headers arrived; {@code header} looks a header up by name (null when absent). */
    void onResponse(int status, String contentType, UnaryOperator<String> header, long arrivalNanos);

    /** Bytes of the body came, where the stack shows them (0 or more calls); for counts only. */
    default void onBytes(int bytes, long arrivalNanos) {
    }

    /** The start of a body that is not an event stream (an error's JSON), for the attempt's message. */
    default void onErrorBody(CharSequence text) {
    }

    /**
     * The server's send stamp of the event delivered at {@code deliveredNanos} ({@link SendStamps}), for stacks
     * that drop SSE comments and read the stamps from the body bytes instead. Parsers that report comments call
     * {@link #onComment} instead.
     */
    default void onSendStamp(long sentNanos, long deliveredNanos) {
    }

    /** The body ended normally. */
    void onComplete(long nanos);

    /** The stream failed; {@code message} is one line. */
    void onFailure(Failure failure, String message, long nanos);
}
