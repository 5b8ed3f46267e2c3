package io.streambench.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.streambench.mock.fault.FaultAction;
import io.streambench.mock.profile.RequestOverrides;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error the server answers, phrased once: status, message, the field at fault and the code, as the
 * OpenAI API words them so a client's error handling sees familiar shapes (OPENAI_WIRE.md). The route's wire
 * format turns an {@link ErrorReply} into its API's error body.
 */
final class ErrorCatalogue {

    private ErrorCatalogue() {
    }

    // --- The HTTP request itself ---

    /** A request the HTTP decoder could not read: headers or line too long, a body over the limit, garbage. */
    static ErrorReply unreadable(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return new ErrorReply(431, "Request headers too large: " + cause.getMessage(), null, "headers_too_large");
        }
        if (cause instanceof TooLongHttpLineException) {
            return new ErrorReply(414, "Request line too long: " + cause.getMessage(), null, "uri_too_long");
        }
        if (cause instanceof TooLongFrameException) {
            // From BoundedBodyAggregator, phrased by bodyTooLarge.
            return new ErrorReply(413, cause.getMessage(), null, "request_too_large");
        }
        return new ErrorReply(400, "Malformed HTTP request: " + cause.getMessage(), null, null);
    }

    /** The message of a body over {@code limitBytes} (the rest of it is not read). */
    static String bodyTooLarge(int limitBytes) {
        return "Request body too large: the limit is " + limitBytes + " bytes.";
    }

    static ErrorReply unknownUrl(String method, String path) {
        return new ErrorReply(404, "Unknown request URL: " + method + " " + path
                + ". Please check the URL for typos.", null, "unknown_url");
    }

    static ErrorReply methodNotAllowed(String method, String path, String allow) {
        return new ErrorReply(405, "Method " + method + " is not allowed for " + path + "; use " + allow + ".",
                null, "method_not_allowed", Map.of("allow", allow));
    }

    // --- The request body ---

    static ErrorReply invalidJson() {
        return new ErrorReply(400, "We could not parse the JSON body of your request. (HINT: This likely means you "
                + "aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was "
                + "sent was not valid JSON.)", null, null);
    }

    static ErrorReply notAnObject() {
        return new ErrorReply(400, "The request body must be a JSON object.", null, "invalid_type");
    }

    static ErrorReply missingParameter(String param) {
        return new ErrorReply(400, "Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
    }

    /** A field of the wrong JSON type; {@code expected} reads like "an array". */
    static ErrorReply invalidType(String param, String expected, JsonNode got) {
        return new ErrorReply(400, "Invalid type for '" + param + "': expected " + expected + ", but got "
                + describe(got) + " instead.", param, "invalid_type");
    }

    static ErrorReply emptyArray(String param) {
        return new ErrorReply(400, "Invalid '" + param + "': empty array. Expected an array with minimum length 1, "
                + "but got an empty array instead.", param, "empty_array");
    }

    /** A string outside its enumeration. */
    static ErrorReply invalidValue(String param, String value, List<String> supported) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < supported.size(); i++) {
            values.append(i == 0 ? "" : i == supported.size() - 1 ? ", and " : ", ")
                    .append('\'').append(supported.get(i)).append('\'');
        }
        return new ErrorReply(400, "Invalid value: '" + value + "'. Supported values are: " + values + ".", param,
                "invalid_value");
    }

    static ErrorReply integerBelowMinimum(String param, int min, int got) {
        return new ErrorReply(400, "Invalid '" + param + "': integer below minimum value. Expected a value >= " + min
                + ", but got " + got + " instead.", param, "integer_below_min_value");
    }

    /** vLLM's {@code min_tokens} below 0, in vLLM's words. */
    static ErrorReply minTokensBelowZero(int got) {
        return new ErrorReply(400, "min_tokens must be greater than or equal to 0, got " + got + ".", "min_tokens",
                "invalid_value");
    }

    /** vLLM's {@code min_tokens} above the answer's limit, in vLLM's words. */
    static ErrorReply minTokensAboveMax(int min, int max) {
        return new ErrorReply(400, "min_tokens must be less than or equal to max_tokens=" + max + ", got " + min
                + ".", "min_tokens", "invalid_value");
    }

    /** vLLM's {@code ignore_eos} with no limit: a real server runs to its context length, which the mock has not. */
    static ErrorReply ignoreEosWithoutMax() {
        return new ErrorReply(400, "ignore_eos needs max_tokens (or max_completion_tokens): the mock has no context "
                + "length to run to.", "ignore_eos", "invalid_value");
    }

    static ErrorReply tooManyChoices(int max, int got) {
        return new ErrorReply(400, "Invalid 'n': integer above maximum value. The mock serves at most " + max
                + " choices, but got " + got + " instead.", "n", "integer_above_max_value");
    }

    // --- Anthropic Messages and Gemini request bodies, in those APIs' words ---

    /**
     * A field of a Messages request the Anthropic API refuses, worded as it words them: the field's dotted
     * path, then the problem ({@code "max_tokens: Field required"}).
     */
    static ErrorReply anthropicInvalid(String path, String problem) {
        return new ErrorReply(400, path + ": " + problem, path, "invalid_request_error");
    }

    /** A Gemini request Google refuses; {@code path} is the field at fault (or null). */
    static ErrorReply googleInvalid(String path, String message) {
        return new ErrorReply(400, message, path, "INVALID_ARGUMENT");
    }

    /** A body that is not JSON, in Google's words. */
    static ErrorReply invalidGoogleJson() {
        return new ErrorReply(400, "Invalid JSON payload received. Unexpected token.", null, "INVALID_ARGUMENT");
    }

    /** A path that looks like an Anthropic or Gemini route but is not one: how to set the SDK's base URL. */
    static ErrorReply unknownApiUrl(String method, String path, String hint) {
        return new ErrorReply(404, "Unknown request URL: " + method + " " + path + ". " + hint, null, "unknown_url");
    }

    // --- Admission ---

    /** An {@code x-mock-*} header whose value cannot be used. */
    static ErrorReply badHeader(RequestOverrides.BadHeaderException e) {
        return new ErrorReply(400, e.getMessage(), e.header(), "invalid_value");
    }

    static ErrorReply unknownProfile(String name) {
        return new ErrorReply(400, "invalid " + RequestOverrides.PROFILE + " header: no profile named '" + name + "'",
                RequestOverrides.PROFILE, "invalid_value");
    }

    static ErrorReply missingApiKey() {
        return new ErrorReply(401, "You didn't provide an API key. You need to provide your API key in an "
                + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", null,
                "invalid_api_key");
    }

    /** Anthropic's answer to a request without a key. */
    static ErrorReply missingAnthropicKey() {
        return new ErrorReply(401, "x-api-key header is required", null, "authentication_error");
    }

    /** Anthropic's answer to a request without the {@code anthropic-version} header. */
    static ErrorReply missingAnthropicVersion() {
        return new ErrorReply(400, "anthropic-version: header is required", "anthropic-version",
                "invalid_request_error");
    }

    /** Google's answer to a request without a key: 403, as the Gemini API gives it. */
    static ErrorReply missingGoogleKey() {
        return new ErrorReply(403, "Method doesn't allow unregistered callers (callers without established identity)."
                + " Please use API Key or other form of API consumer identity to call this API.", null,
                "PERMISSION_DENIED");
    }

    static ErrorReply unknownFunction(String function) {
        return new ErrorReply(400, "tool_choice names function '" + function + "', which is not in tools",
                "tool_choice", "invalid_value");
    }

    static ErrorReply nonStreamingTooLong(long maxTokens, long tokens) {
        return new ErrorReply(400, "A non-streaming answer is limited to " + maxTokens + " tokens here, and this one "
                + "would have " + tokens + "; ask for stream: true.", null, "invalid_value");
    }

    /** A profile's rate limit refused the request: 429 with the headers providers send, then {@code replay}. */
    static ErrorReply rateLimited(RateLimiter.Decision d, Map<String, String> replay) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("retry-after", Long.toString(Math.max(1, (d.retryAfterMillis() + 999) / 1000)));
        h.put("retry-after-ms", Long.toString(d.retryAfterMillis()));
        h.put("x-ratelimit-limit-requests", Long.toString(d.limitRequests()));
        h.put("x-ratelimit-remaining-requests", Long.toString(d.remainingRequests()));
        h.put("x-ratelimit-limit-tokens", Long.toString(d.limitTokens()));
        h.put("x-ratelimit-remaining-tokens", Long.toString(d.remainingTokens()));
        h.put("x-ratelimit-reset-requests", d.retryAfterMillis() + "ms");
        h.putAll(replay);
        return new ErrorReply(429, "Rate limit reached: limit " + d.limitRequests() + " requests and "
                + d.limitTokens() + " tokens per minute (0 = none). Please try again in " + d.retryAfterMillis() + "ms.",
                null, "rate_limit_exceeded", h);
    }

    /** The {@code http} fault: the error a provider sends with that status, its retry headers, then {@code replay}. */
    static ErrorReply injected(FaultAction.HttpError e, Map<String, String> replay) {
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
            case 529 -> {
                // Anthropic's status for an overloaded API (its SDKs raise OverloadedException).
                message = "Overloaded";
                code = "overloaded_error";
            }
            default -> {
                message = "Injected fault: HTTP " + status + ".";
                code = null;
            }
        }
        Map<String, String> h = new LinkedHashMap<>();
        if (e.retryAfterSeconds() != null) {
            h.put("retry-after", e.retryAfterSeconds().toString());
        }
        if (e.retryAfterMs() != null) {
            h.put("retry-after-ms", e.retryAfterMs().toString());
        }
        if (e.shouldRetry() != null) {
            h.put("x-should-retry", e.shouldRetry().toString());
        }
        h.putAll(replay);
        return new ErrorReply(status, message, null, code, h);
    }

    private static String describe(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> v.isIntegralNumber() ? "an integer" : "a decimal";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a value of another type";
        };
    }
}
