package io.streambench.mock.internal.http;

import static io.streambench.mock.internal.http.BodyFields.bool;
import static io.streambench.mock.internal.http.BodyFields.intAtLeast;
import static io.streambench.mock.internal.http.BodyFields.optionalObject;
import static io.streambench.mock.internal.http.BodyFields.refuse;
import static io.streambench.mock.internal.http.BodyFields.requiredString;
import static io.streambench.mock.internal.http.BodyFields.typeError;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.mock.internal.model.Prompt;
import io.streambench.mock.internal.profile.Tokenizer;
import io.streambench.mock.internal.wire.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a legacy completions body ({@code POST /v1/completions}) as OpenAI and vLLM do: {@code prompt} is a
 * string, a list of strings, a list of token ids or a list of such lists, and each prompt gets {@code n}
 * choices; {@code max_tokens} is 16 when absent, as both servers have it. There are no tools and no
 * reasoning. vLLM's {@code ignore_eos} and {@code min_tokens} are read as for chat. Fields the mock does not
 * model ({@code echo}, {@code logprobs}, {@code stop}, {@code suffix}, {@code best_of}, ...) are accepted and
 * ignored.
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
        BodyFields.OutputLength length = BodyFields.vllmOutputLength(body, maxTokens);
        return new ChatRequest(model, stream, includeUsage, maxTokens, choices, List.of(), ChatRequest.ToolChoice.AUTO,
                false, BodyFields.seed(body), prompts.last, prompts.tokens, ChatRequest.Reasoning.OFF,
                ChatRequestDecoder.obfuscation(options), null, new Prompt(prompts.messages), length.ignoreEos(),
                length.minTokens());
    }

    /**
     * How many prompts, their token count, the text of the last one ("" for token ids), and the prompts as the
     * model reads them: a batch of prompts is one request to the mock, so the model counts them all (one after
     * another, under the role {@value #ROLE}).
     */
    private record Prompts(int count, int tokens, String last, List<Prompt.Message> messages) {
    }

    /** A completions prompt is raw text, no chat message: its own role in the model's prompt. */
    private static final String ROLE = "prompt";

    private static Prompts prompts(JsonNode prompt) {
        if (prompt == null || prompt.isNull()) {
            throw refuse(ErrorCatalogue.missingParameter("prompt"));
        }
        if (prompt.isTextual()) {
            return new Prompts(1, Tokenizer.count(prompt.asText()), prompt.asText(),
                    List.of(new Prompt.Message(ROLE, prompt.asText())));
        }
        String expected = "a string, an array of strings, an array of token ids or an array of arrays of token ids";
        if (!prompt.isArray()) {
            throw typeError("prompt", expected, prompt);
        }
        if (prompt.isEmpty()) {
            throw refuse(ErrorCatalogue.emptyArray("prompt"));
        }
        if (prompt.get(0).isIntegralNumber()) {
            int[] ids = tokenIds(prompt, expected);
            return new Prompts(1, ids.length, "", List.of(Prompt.Message.ofTokenIds(ROLE, ids)));
        }
        int tokens = 0;
        String last = "";
        List<Prompt.Message> messages = new ArrayList<>(prompt.size());
        for (JsonNode p : prompt) {
            if (p.isTextual()) {
                tokens += Tokenizer.count(p.asText());
                last = p.asText();
                messages.add(new Prompt.Message(ROLE, p.asText()));
            } else if (p.isArray() && !p.isEmpty()) {
                messages.add(Prompt.Message.ofTokenIds(ROLE, tokenIds(p, expected)));
                tokens += p.size();
                last = "";
            } else {
                throw typeError("prompt", expected, prompt);
            }
        }
        return new Prompts(prompt.size(), tokens, last, messages);
    }

    private static int[] tokenIds(JsonNode ids, String expected) {
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode id = ids.get(i);
            if (!id.isIntegralNumber() || !id.canConvertToInt() || id.asInt() < 0) {
                throw typeError("prompt", expected, ids);
            }
            out[i] = id.asInt();
        }
        return out;
    }
}
