package io.streambench.mock.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reading the fields of a JSON request body the way the OpenAI APIs check them: a missing or mistyped field
 * is a {@link BadRequestException} whose reply names it as {@code param}. Shared by the request decoders.
 */
final class BodyFields {

    private BodyFields() {
    }

    static String requiredString(JsonNode node, String field, String param) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw refuse(ErrorCatalogue.missingParameter(param));
        }
        if (!v.isTextual()) {
            throw typeError(param, "a string", v);
        }
        return v.asText();
    }

    /** A string field, or null when absent or null. */
    static String optionalString(JsonNode node, String field, String param) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw typeError(param, "a string", v);
        }
        return v.asText();
    }

    /** A string field that must be one of {@code allowed}, or null when absent or null. */
    static String optionalEnum(JsonNode node, String field, String param, List<String> allowed) {
        String v = optionalString(node, field, param);
        if (v != null && !allowed.contains(v)) {
            throw refuse(ErrorCatalogue.invalidValue(param, v, allowed));
        }
        return v;
    }

    static boolean bool(JsonNode node, String field, boolean fallback, String param) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw typeError(param, "a boolean", v);
        }
        return v.asBoolean();
    }

    /** An integer field of at least {@code min}, or {@code fallback} when absent or null. */
    static int intAtLeast(JsonNode node, String field, int min, int fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw typeError(field, "an integer", v);
        }
        if (v.asInt() < min) {
            throw refuse(ErrorCatalogue.integerBelowMinimum(field, min, v.asInt()));
        }
        return v.asInt();
    }

    /** An object field, or null when absent or null. */
    static JsonNode optionalObject(JsonNode node, String field, String param) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw typeError(param, "an object", v);
        }
        return v;
    }

    /** The body's integer {@code seed}, or null. */
    static Long seed(JsonNode body) {
        JsonNode s = body.get("seed");
        if (s == null || s.isNull()) {
            return null;
        }
        if (!s.canConvertToLong() || !s.isIntegralNumber()) {
            throw typeError("seed", "an integer", s);
        }
        return s.asLong();
    }

    /** vLLM's {@code ignore_eos} and {@code min_tokens}, as the request gave them. */
    record OutputLength(boolean ignoreEos, int minTokens) {
    }

    /**
     * vLLM's (and SGLang's) {@code ignore_eos} and {@code min_tokens}, which the chat and completions APIs of
     * those servers take beside {@code maxTokens}, the request's limit (0 for none); refused as vLLM refuses them.
     */
    static OutputLength vllmOutputLength(JsonNode body, int maxTokens) {
        boolean ignoreEos = bool(body, "ignore_eos", false, "ignore_eos");
        if (ignoreEos && maxTokens == 0) {
            throw refuse(ErrorCatalogue.ignoreEosWithoutMax());
        }
        JsonNode v = body.get("min_tokens");
        if (v == null || v.isNull()) {
            return new OutputLength(ignoreEos, 0);
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw typeError("min_tokens", "an integer", v);
        }
        int min = v.asInt();
        if (min < 0) {
            throw refuse(ErrorCatalogue.minTokensBelowZero(min));
        }
        if (maxTokens > 0 && min > maxTokens) {
            throw refuse(ErrorCatalogue.minTokensAboveMax(min, maxTokens));
        }
        return new OutputLength(ignoreEos, min);
    }

    static BadRequestException typeError(String param, String expected, JsonNode got) {
        return refuse(ErrorCatalogue.invalidType(param, expected, got));
    }

    static BadRequestException refuse(ErrorReply reply) {
        return new BadRequestException(reply);
    }
}
