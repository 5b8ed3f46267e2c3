package io.streambench.mock.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.streambench.mock.profile.TokenStream;

/**
 * The non-streaming answer ({@code stream: false}): one {@code chat.completion} object with the same
 * content and tool calls the stream of the same plan carries, sent after the time the stream would take.
 */
public final class Completion {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Completion() {
    }

    /** The {@code chat.completion} JSON of {@code plan}. */
    public static String json(StreamPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", plan.id);
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
                message.put("content", text(plan, c, random));
            } else {
                message.putNull("content");
                ArrayNode calls = message.putArray("tool_calls");
                for (StreamPlan.ToolCallPlan t : c.toolCalls()) {
                    ObjectNode call = calls.addObject();
                    call.put("id", t.id());
                    call.put("type", "function");
                    call.putObject("function").put("name", t.name()).put("arguments", t.arguments());
                }
            }
            message.putNull("refusal");
            message.putArray("annotations");
            choice.putNull("logprobs");
            choice.put("finish_reason", c.finishReason());
        }
        try {
            JsonNode usage = JSON.readTree(StreamScript.usageJson(plan));
            root.set("usage", usage);
            if (plan.profile.systemFingerprint() != null) {
                root.put("system_fingerprint", plan.profile.systemFingerprint());
            }
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How long the stream of an identical plan takes from request to {@code [DONE]}, in ns. Replays the
     * stream's steps into a scratch buffer with fresh random sources, so the timing draws are the same.
     */
    public static long durationNanos(StreamPlan plan) {
        StreamScript script = new StreamScript(plan);
        ByteBuf scratch = Unpooled.buffer(4096);
        try {
            long total = 0;
            while (!script.finished()) {
                total += script.nextStepDelayNanos();
                scratch.clear();
                script.writeStep(scratch, 0);
            }
            return total;
        } finally {
            scratch.release();
        }
    }

    private static String text(StreamPlan plan, StreamPlan.ChoicePlan c, StreamPlan.Randoms random) {
        TokenStream tokens = plan.profile.content().open(random.content().get(c.index()), plan.lastUserMessage);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.contentTokens(); i++) {
            sb.append(tokens.next().text());
        }
        return sb.toString();
    }
}
