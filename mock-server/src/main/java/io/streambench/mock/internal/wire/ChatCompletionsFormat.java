package io.streambench.mock.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streambench.mock.internal.profile.TokenStream;

/**
 * OpenAI chat completions ({@code POST /v1/chat/completions}): streams of {@code chat.completion.chunk}
 * ({@link ChatCompletionsEvents}), the {@code chat.completion} object for {@code stream: false}, and the
 * error object {@code {"error": {"message", "type", "param", "code"}}}.
 */
final class ChatCompletionsFormat extends WireFormat {

    static final ChatCompletionsFormat INSTANCE = new ChatCompletionsFormat();

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatCompletionsFormat() {
    }

    @Override
    EventEncoder newEncoder(StreamPlan plan, SseEvents sse, StreamPlan.Randoms random) {
        return new ChatCompletionsEvents(plan, sse, random.padding());
    }

    /** The {@code chat.completion} JSON: the same content and tool calls as the stream of the same plan. */
    @Override
    public String completion(StreamPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id(plan));
        root.put("object", "chat.completion");
        root.put("created", plan.createdEpochSeconds);
        root.put("model", plan.model);
        ArrayNode choices = root.putArray("choices");
        StreamPlan.Randoms random = plan.newRandoms();
        for (StreamPlan.ChoicePlan c : plan.choices) {
            ObjectNode choice = choices.addObject();
            choice.put("index", c.index());
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            if (c.toolCalls().isEmpty()) {
                message.put("content", text(plan.openContent(random, c.index()), c.contentTokens()));
            } else {
                message.putNull("content");
                ArrayNode calls = message.putArray("tool_calls");
                for (StreamPlan.ToolCallPlan t : c.toolCalls()) {
                    ObjectNode call = calls.addObject();
                    call.put("id", callId(t));
                    call.put("type", "function");
                    call.putObject("function").put("name", t.name()).put("arguments", t.arguments());
                }
            }
            if (c.reasoningTokens() > 0 && plan.reasoningShown) {
                message.put(plan.profile.reasoning().chatField().json(),
                        text(StreamPlan.openReasoning(random, c.index()), c.reasoningTokens()));
            }
            message.putNull("refusal");
            message.putArray("annotations");
            choice.putNull("logprobs");
            choice.put("finish_reason", finishReason(c.finish()));
        }
        try {
            root.set("usage", JSON.readTree(usageJson(plan)));
            if (plan.profile.systemFingerprint() != null) {
                root.put("system_fingerprint", plan.profile.systemFingerprint());
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String errorBody(int status, String message, String param, String code) {
        return OpenAiErrors.body(status, message, param, code);
    }

    /** The answer's id: {@code chatcmpl-} and 29 letters and digits. */
    static String id(StreamPlan plan) {
        return "chatcmpl-" + plan.key;
    }

    /** A tool call's id: {@code call_} and 24 letters and digits. */
    static String callId(StreamPlan.ToolCallPlan call) {
        return "call_" + call.key();
    }

    /** The {@code finish_reason} of {@code finish}. */
    static String finishReason(StreamPlan.Finish finish) {
        return switch (finish) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
        };
    }

    /**
     * The {@code usage} object of the usage chunk and of the non-streaming answer: {@code completion_tokens}
     * includes the reasoning, which {@code completion_tokens_details.reasoning_tokens} gives apart.
     */
    static String usageJson(StreamPlan plan) {
        long completion = plan.completionTokens();
        return "{\"prompt_tokens\":" + plan.promptTokens + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (plan.promptTokens + completion)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":" + plan.cachedTokens + ",\"audio_tokens\":0}"
                + ",\"completion_tokens_details\":{\"reasoning_tokens\":" + plan.reasoningTokens()
                + ",\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";
    }

    /** The next {@code count} tokens of {@code tokens}, joined. */
    static String text(TokenStream tokens, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(tokens.next().text());
        }
        return sb.toString();
    }
}
