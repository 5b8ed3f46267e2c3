package io.streambench.cli;

import io.streambench.driver.EarlyStop;
import java.util.Locale;

/**
 * The one console line that says why {@code --fail-fast} stopped a run, with a hint at the usual cause:
 * {@code stopping: the first 10 requests failed, all HTTP 404 "Unknown request URL: POST /v1" (is --url the
 * chat completions URL?)}.
 */
final class StopLine {

    private StopLine() {
    }

    static String of(EarlyStop stop) {
        String answer = switch (stop.error()) {
            case HTTP_STATUS, NOT_SSE -> stop.answer();
            case TLS -> "in the TLS handshake: " + stop.answer().replaceFirst("^tls handshake: ", "");
            default -> "with " + stop.answer();
        };
        String hint = hint(stop);
        return "stopping: the first " + stop.requests() + " requests failed, all " + answer
                + (hint == null ? "" : " (" + hint + ")");
    }

    private static String hint(EarlyStop stop) {
        String said = stop.answer().toLowerCase(Locale.ROOT);
        return switch (stop.error()) {
            case HTTP_STATUS -> switch (stop.status()) {
                case 401, 403 -> "is the API key right? --api-key-env names the variable that holds it,"
                        + " OPENAI_API_KEY by default";
                case 404 -> said.contains("model") ? "does the server serve --model?"
                        : "is --url the chat completions URL?";
                case 405 -> "is --url the chat completions URL?";
                case 400, 413, 415, 422 -> "the server refused the request: check --model, --max-tokens and --prompts";
                default -> null;
            };
            case TLS -> said.contains("plain http") ? "the port speaks plain http: use http:// in --url"
                    : said.contains("not tls") ? "is it an https port? use http:// in --url for a plain one"
                    : "trust the server's CA with --ca-file PEM, or --insecure for a test server";
            case CONNECT -> "is the server up, and is the port in --url right?";
            case NOT_SSE -> "the server did not stream: is --url the chat completions URL?";
            default -> null;
        };
    }
}
