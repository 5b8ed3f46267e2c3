package io.streambench.mock.http;

import static io.streambench.mock.http.BodyFields.bool;
import static io.streambench.mock.http.BodyFields.intAtLeast;
import static io.streambench.mock.http.BodyFields.optionalObject;
import static io.streambench.mock.http.BodyFields.refuse;
import static io.streambench.mock.http.BodyFields.requiredString;
import static io.streambench.mock.http.BodyFields.typeError;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.mock.profile.Tokenizer;
import io.streambench.mock.wire.ChatRequest;
import java.util.List;

/**
 * Validates a legacy completions body ({@code POST /v1/completions}) as OpenAI and vLLM do: {@code prompt} is a
 * string, a list of strings, a list of token ids or a list of such lists, and each prompt gets {@code n}
 * choices; {@code max_tokens} is 16 when absent, as both servers have it. There are no tools and no
 * reasoning. Fields the mock does not model ({@code echo}, {@code logprobs}, {@code stop}, {@code suffix},
 * {@code best_of}, ...) are accepted and ignored.
 */
final class CompletionsRequestDecoder {

    /** What OpenAI and vLLM generate at most when the request gives no {@code max_tokens}. */
    static final int DEFAULT_MAX_TOKENS = 16;

    private CompletionsRequestDecoder() {
    }

    static ChatRequest decode(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw refuse(ErrorCatalogue.notAnObject());
        }
        String model = requiredString(body, "model", "model");
        Prompts prompts = prompts(body.get("prompt"));
        boolean stream = bool(body, "stream", false, "stream");
        JsonNode options = optionalObject(body, "stream_options", "stream_options");
        boolean includeUsage = options != null && bool(options, "include_usage", false, "stream_options.include_usage");
        int maxTokens = intAtLeast(body, "max_tokens", 1, DEFAULT_MAX_TOKENS);
        int n = intAtLeast(body, "n", 1, 1);
        int choices = prompts.count * n;
        if (choices > ChatRequestDecoder.MAX_CHOICES) {
            throw refuse(ErrorCatalogue.tooManyChoices(ChatRequestDecoder.MAX_CHOICES, choices));
        }
        return new ChatRequest(model, stream, includeUsage, maxTokens, choices, List.of(), ChatRequest.ToolChoice.AUTO,
                false, BodyFields.seed(body), prompts.last, prompts.tokens, ChatRequest.Reasoning.OFF,
                ChatRequestDecoder.obfuscation(options), null);
    }

    /** How many prompts, their token count, and the text of the last one ("" for token ids). */
    private record Prompts(int count, int tokens, String last) {
    }

    private static Prompts prompts(JsonNode prompt) {
        if (prompt == null || prompt.isNull()) {
            throw refuse(ErrorCatalogue.missingParameter("prompt"));
        }
        if (prompt.isTextual()) {
            return new Prompts(1, Tokenizer.count(prompt.asText()), prompt.asText());
        }
        String expected = "a string, an array of strings, an array of token ids or an array of arrays of token ids";
        if (!prompt.isArray()) {
            throw typeError("prompt", expected, prompt);
        }
        if (prompt.isEmpty()) {
            throw refuse(ErrorCatalogue.emptyArray("prompt"));
        }
        if (prompt.get(0).isIntegralNumber()) {
            checkTokenIds(prompt, expected);
            return new Prompts(1, prompt.size(), "");
        }
        int tokens = 0;
        String last = "";
        for (JsonNode p : prompt) {
            if (p.isTextual()) {
                tokens += Tokenizer.count(p.asText());
                last = p.asText();
            } else if (p.isArray() && !p.isEmpty()) {
                checkTokenIds(p, expected);
                tokens += p.size();
                last = "";
            } else {
                throw typeError("prompt", expected, prompt);
            }
        }
        return new Prompts(prompt.size(), tokens, last);
    }

    private static void checkTokenIds(JsonNode ids, String expected) {
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || id.asLong() < 0) {
                throw typeError("prompt", expected, ids);
            }
        }
    }
}
