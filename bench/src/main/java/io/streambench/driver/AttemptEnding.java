package io.streambench.driver;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.streambench.client.sse.StreamEnd;
import io.streambench.client.sse.StreamError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * How one attempt ended: the response's status, what it said when it failed (the start of an error body, an error
 * event, unreadable data, a body that is not an event stream), and the error class and message these settle into
 * once the attempt ends ({@link #settle}). One per attempt, made with it; it holds text only for a failure.
 */
final class AttemptEnding {

    private static final int MAX_ERROR_BODY_CHARS = 200;
    /** A 2xx that is not an event stream ends after this many characters of its body (or at its end). */
    private static final int MAX_NOT_SSE_BODY_CHARS = 100;

    private int status;
    private boolean keepAlive;
    private long retryAfterNanos = RetryAfter.NONE;
    private boolean refused;
    private String apiError;
    private String malformed;
    private StringBuilder errorBody;
    private String notSseType;
    private ErrorClass error;
    private String message;

    /**
     * The response head: its status and whether the connection may be reused; true for an event stream, else the
     * body's start is kept for the message (a failed status, with the wait it asks for; a 2xx of another type).
     */
    boolean headers(HttpResponse response) {
        status = response.status().code();
        keepAlive = HttpUtil.isKeepAlive(response);
        String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (streamStarted() && type != null && !FailureText.isEventStream(type)) {
            notSseType = type;
            errorBody = new StringBuilder();
        } else if (streamStarted()) {
            return true;
        } else {
            HttpHeaders h = response.headers();
            retryAfterNanos = RetryAfter.nanos(h.get("retry-after-ms"), h.get(HttpHeaderNames.RETRY_AFTER),
                    Instant.now());
            errorBody = new StringBuilder();
        }
        return false;
    }

    /** A piece of an error body read off the socket; kept up to a limit. */
    void errorBody(ByteBuf content, int readable) {
        if (errorBody != null && errorBody.length() < MAX_ERROR_BODY_CHARS && readable > 0) {
            int take = Math.min(readable, MAX_ERROR_BODY_CHARS - errorBody.length());
            errorBody.append(content.toString(content.readerIndex(), take, StandardCharsets.UTF_8));
        }
    }

    /** The start of a body that is not an event stream, from another client stack. */
    void errorText(CharSequence text) {
        if (errorBody != null && errorBody.length() < MAX_ERROR_BODY_CHARS) {
            errorBody.append(text, 0, Math.min(text.length(), MAX_ERROR_BODY_CHARS - errorBody.length()));
        }
    }

    /** Whether enough of a body that is not an event stream came to say what it is (the rest is not read). */
    boolean notSseEnough() {
        return notSseType != null && errorBody.length() >= MAX_NOT_SSE_BODY_CHARS;
    }

    boolean isNotSse() {
        return notSseType != null;
    }

    String notSseMessage() {
        String first = errorBody.length() > MAX_NOT_SSE_BODY_CHARS ? errorBody.substring(0, MAX_NOT_SSE_BODY_CHARS)
                : errorBody.toString();
        String body = first.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return "status=" + status + " content-type=\"" + notSseType.replace('"', '\'') + "\""
                + (body.isEmpty() ? "" : " " + body);
    }

    String statusMessage() {
        String body = errorBody == null ? "" : errorBody.toString().replaceAll("\\s+", " ").trim();
        return "status=" + status + (body.isEmpty() ? "" : " " + body);
    }

    /** An error event of the API, or data the parser could not read: the first of each says how it failed. */
    void streamError(StreamError streamError) {
        if (streamError.kind() == StreamError.Kind.API) {
            if (apiError == null) {
                apiError = FailureText.apiError(streamError);
            }
        } else if (malformed == null) {
            malformed = streamError.message();
        }
    }

    void streamEnd(StreamEnd end) {
        if (!end.answered() && apiError == null) {
            // response.failed comes after its error; should a server send it alone, the end still says it failed
            apiError = "the stream ended with " + end.name().toLowerCase(Locale.ROOT).replace('_', '.');
        }
    }

    void refused(boolean connectionRefused) {
        refused = connectionRefused;
    }

    /** The attempt ended as {@code ending} with {@code text}: an error event or unreadable data before says more. */
    void settle(ErrorClass ending, String text) {
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
    }

    int status() {
        return status;
    }

    /** Whether response headers with a 2xx status arrived (a retry would repeat delivered tokens). */
    boolean streamStarted() {
        return status >= 200 && status < 300;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    long retryAfterNanos() {
        return retryAfterNanos;
    }

    boolean refused() {
        return refused;
    }

    ErrorClass error() {
        return error;
    }

    String message() {
        return message;
    }

    /** The row's part of how the attempt ended. */
    AttemptRow.Ending row(boolean retried) {
        return new AttemptRow.Ending(error, status, message, retryAfterNanos, retried);
    }
}
