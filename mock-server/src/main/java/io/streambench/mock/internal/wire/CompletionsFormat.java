package io.streambench.mock.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI's legacy completions ({@code POST /v1/completions}), as vLLM and most self-hosted servers still
 * serve them: streams of {@code text_completion} chunks ({@link CompletionsEvents}), one
 * {@code text_completion} object for {@code stream: false}, and OpenAI's error object.
 */
final class CompletionsFormat extends WireFormat {

    static final CompletionsFormat INSTANCE = new CompletionsFormat();

    private static final ObjectMapper JSON = new ObjectMapper();

    private CompletionsFormat() {
    }

    @Override
    EventEncoder newEncoder(StreamPlan plan, SseEvents sse, StreamPlan.Randoms random) {
        return new CompletionsEvents(plan, sse, random.padding());
    }

    /** The {@code text_completion} JSON: the same text as the stream of the same plan. */
    @Override
    public String completion(StreamPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id(plan));
        root.put("object", "text_completion");
        root.put("created", plan.createdEpochSeconds);
        root.put("model", plan.model);
        ArrayNode choices = root.putArray("choices");
        StreamPlan.Randoms random = plan.newRandoms();
        for (StreamPlan.ChoicePlan c : plan.choices) {
            ObjectNode choice = choices.addObject();
            choice.put("index", c.index());
            choice.put("text", ChatCompletionsFormat.text(plan.openContent(random, c.index()), c.contentTokens()));
            choice.putNull("logprobs");
            choice.put("finish_reason", c.finish() == StreamPlan.Finish.LENGTH ? "length" : "stop");
        }
        try {
            root.set("usage", JSON.readTree(usageJson(plan)));
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String errorBody(int status, String message, String param, String code) {
        return OpenAiErrors.body(status, message, param, code);
    }

    /** The answer's id: {@code cmpl-} and 29 letters and digits. */
    static String id(StreamPlan plan) {
        return "cmpl-" + plan.key;
    }

    /**
     * The {@code usage} object: prompt, completion and total tokens, without details (as vLLM sends it by
     * default); with {@code prompt_tokens_details.cached_tokens} when a server model counted the prompt (as vLLM
     * sends it with {@code --enable-prompt-tokens-details}, and OpenAI always).
     */
    static String usageJson(StreamPlan plan) {
        long completion = plan.completionTokens();
        return "{\"prompt_tokens\":" + plan.promptTokens + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (plan.promptTokens + completion)
                + (plan.modelCounted ? ",\"prompt_tokens_details\":{\"cached_tokens\":" + plan.cachedTokens + "}" : "")
                + "}";
    }
}
