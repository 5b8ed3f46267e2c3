package io.streambench.mock.internal.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.function.Function;

/**
 * What a provider's APIs share beyond their wire format: where the API key is sent, the headers it insists
 * on, and how the refusals that come before any body is read are worded (no key when the profile requires
 * one, a body that is not JSON). Any non-empty key is accepted.
 */
enum Provider {

    /** OpenAI: {@code Authorization: Bearer <key>}. */
    OPENAI,
    /** Anthropic: {@code x-api-key}, or {@code Authorization: Bearer}, which anthropic-java sends instead. */
    ANTHROPIC,
    /** Google: {@code x-goog-api-key}, or the {@code key} query parameter of Google's REST examples. */
    GOOGLE;

    /** The request's API key, or null when it has none (an empty or blank one counts as none). */
    String apiKey(Function<String, String> header, QueryStringDecoder uri) {
        return switch (this) {
            case OPENAI -> Admission.bearer(header.apply("authorization"));
            case ANTHROPIC -> {
                String key = nonBlank(header.apply("x-api-key"));
                yield key != null ? key : Admission.bearer(header.apply("authorization"));
            }
            case GOOGLE -> {
                String key = nonBlank(header.apply("x-goog-api-key"));
                List<String> query = uri.parameters().get("key");
                yield key != null || query == null || query.isEmpty() ? key : nonBlank(query.get(0));
            }
        };
    }

    /** The answer to a request without a key, as the provider words it. */
    ErrorReply missingApiKey() {
        return switch (this) {
            case OPENAI -> ErrorCatalogue.missingApiKey();
            case ANTHROPIC -> ErrorCatalogue.missingAnthropicKey();
            case GOOGLE -> ErrorCatalogue.missingGoogleKey();
        };
    }

    /**
     * The refusal of a request whose headers the provider's API refuses before anything else, or null:
     * Anthropic's API answers 400 without an {@code anthropic-version} header (any version is accepted here;
     * the SDKs send their own).
     */
    ErrorReply refuseHeaders(Function<String, String> header) {
        if (this == ANTHROPIC && header.apply("anthropic-version") == null) {
            return ErrorCatalogue.missingAnthropicVersion();
        }
        return null;
    }

    /** The answer to a body that is not JSON. */
    ErrorReply invalidJson() {
        return this == GOOGLE ? ErrorCatalogue.invalidGoogleJson() : ErrorCatalogue.invalidJson();
    }

    private static String nonBlank(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
