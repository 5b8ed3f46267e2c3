package io.streambench.driver;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.streambench.client.Api;
import io.streambench.client.sse.StreamError;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The words of requests.csv's {@code message} for an attempt that failed: a connect or TLS failure, an error event,
 * an end marker that did not come; and the test of a response's content type. The cold path of {@link Exchange},
 * apart so that the hot one stays small: nothing here runs per event.
 */
final class FailureText {

    private FailureText() {
    }

    /** A failed connect or TLS handshake, as its error class and message; {@code refused} for a refused one. */
    record ConnectFailure(ErrorClass error, String message, boolean refused) {
    }

    static ConnectFailure connect(Throwable cause, String host, int port) {
        NotSslRecordException notTls = find(cause, NotSslRecordException.class);
        ConnectException connect = find(cause, ConnectException.class);
        if (cause instanceof SslHandshakeTimeoutException) {
            return new ConnectFailure(ErrorClass.CONNECT, "tls handshake: " + cause.getMessage(), false);
        } else if (notTls != null) {
            return new ConnectFailure(ErrorClass.TLS, "tls handshake: " + notTls(notTls), false);
        } else if (cause instanceof SSLException) {
            return new ConnectFailure(ErrorClass.TLS, "tls handshake: " + rootMessage(cause), false);
        } else if (connect != null && String.valueOf(connect.getMessage()).toLowerCase(Locale.ROOT).contains("refused")) {
            return new ConnectFailure(ErrorClass.CONNECT, "connection refused by " + host + ":" + port, true);
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ConnectFailure(ErrorClass.CONNECT, text, false);
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

    /** An API's error event: its message, and its type and code, which say what kind of failure in every API. */
    static String apiError(StreamError error) {
        // overloaded_error, server_error, UNAVAILABLE
        String type = error.type() == null ? "" : "type=" + error.type();
        String code = error.code() == null ? "" : "code=" + error.code();
        String details = type.isEmpty() || code.isEmpty() ? type + code : type + ", " + code;
        return error.message() + (details.isEmpty() ? "" : " (" + details + ")");
    }

    /** What says a stream of {@code api} is complete, for the message of one that is not. */
    static String endMarker(Api api) {
        return switch (api) {
            case CHAT, COMPLETIONS -> "[DONE]";
            case RESPONSES -> "response.completed (or .incomplete, .failed)";
            case MESSAGES -> "message_stop";
            case GEMINI -> "an event with a finishReason";
        };
    }

    /** {@code text/event-stream}, with or without parameters (charset), in any case. */
    static boolean isEventStream(String contentType) {
        int semicolon = contentType.indexOf(';');
        String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return media.strip().equalsIgnoreCase("text/event-stream");
    }
}
