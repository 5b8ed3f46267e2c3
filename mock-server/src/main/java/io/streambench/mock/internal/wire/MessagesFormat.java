package io.streambench.mock.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streambench.mock.internal.profile.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * Anthropic Messages ({@code POST /v1/messages}): typed event streams ({@link MessagesEvents}), the
 * {@code message} object for {@code stream: false}, the error object {@code {"type": "error", "error":
 * {"type", "message"}, "request_id"}}, and the {@code request-id} header on every answer.
 */
final class MessagesFormat extends WireFormat {

    static final MessagesFormat INSTANCE = new MessagesFormat();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final byte[] END_TURN = "end_turn".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAX_TOKENS = "max_tokens".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TOOL_USE = "tool_use".getBytes(StandardCharsets.US_ASCII);

    private MessagesFormat() {
    }

    @Override
    EventEncoder newEncoder(StreamPlan plan, SseEvents sse, StreamPlan.Randoms random) {
        return new MessagesEvents(plan, sse);
    }

    /** The {@code message} object: the same blocks, stop reason and usage as the stream of the same plan. */
    @Override
    public String completion(StreamPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id(plan));
        root.put("type", "message");
        root.put("role", "assistant");
        root.put("model", plan.model);
        ArrayNode content = root.putArray("content");
        StreamPlan.ChoicePlan c = plan.choices.get(0);
        StreamPlan.Randoms random = plan.newRandoms();
        try {
            if (c.reasoningTokens() > 0) {
                content.addObject().put("type", "thinking")
                        .put("thinking", plan.reasoningShown ? StreamPlan.reasoningText(c, random) : "")
                        .put("signature", new String(signature(plan), StandardCharsets.US_ASCII));
            }
            if (c.toolCalls().isEmpty()) {
                if (c.contentTokens() > 0) {
                    content.addObject().put("type", "text").put("text", plan.text(c, random));
                }
            } else {
                for (StreamPlan.ToolCallPlan t : c.toolCalls()) {
                    ObjectNode block = content.addObject().put("type", "tool_use").put("id", toolUseId(t))
                            .put("name", t.name());
                    block.set("input", JSON.readTree(t.arguments()));
                    block.putObject("caller").put("type", "direct");
                }
            }
            root.put("stop_reason", new String(stopReasonBytes(c.finish()), StandardCharsets.US_ASCII));
            root.putNull("stop_sequence");
            ObjectNode usage = (ObjectNode) JSON.readTree(inputUsage(plan, plan.completionTokens()));
            if (plan.reasoningTokens() > 0) {
                usage.putObject("output_tokens_details").put("thinking_tokens", plan.reasoningTokens());
            }
            root.set("usage", usage);
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String errorBody(int status, String message, String param, String code) {
        return errorBody(status, message, param, code, null);
    }

    @Override
    public String errorBody(int status, String message, String param, String code, String requestId) {
        return errorJson(typeFor(status), message, requestId);
    }

    /** Anthropic's request ids: {@code req_} and 24 letters and digits. */
    @Override
    public String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] c = new char[20];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALNUM[r.nextInt(ALNUM.length)];
        }
        return "req_011C" + new String(c);
    }

    @Override
    public void responseHeaders(boolean stream, String requestId, BiConsumer<String, String> header) {
        header.accept("request-id", requestId);
    }

    /** The message's id: {@code msg_01} and 22 letters and digits. */
    static String id(StreamPlan plan) {
        return "msg_01" + plan.key.substring(0, 22);
    }

    /** A tool use's id: {@code toolu_01} and 22 letters and digits. */
    static String toolUseId(StreamPlan.ToolCallPlan call) {
        return "toolu_01" + call.key().substring(0, 22);
    }

    /**
     * The signature of the answer's thinking block: opaque base64 (real ones verify the thinking when it is
     * sent back), the same for the same seed.
     */
    static byte[] signature(StreamPlan plan) {
        byte[] raw = new byte[96];
        new SplittableRandom(plan.key.hashCode()).nextBytes(raw);
        return Base64.getEncoder().encode(raw);
    }

    /**
     * The {@code usage} object of {@code message_start} and of the whole message. Anthropic's
     * {@code input_tokens} are the tokens after the last cache breakpoint: the prompt less what the server
     * model's prefix cache held, which is {@code cache_read_input_tokens} (the mock's cache fills itself, as a
     * prefix cache does, so nothing is ever written at the client's request: {@code cache_creation_input_tokens}
     * stays 0).
     */
    static String inputUsage(StreamPlan plan, long outputTokens) {
        return "{\"input_tokens\":" + (plan.promptTokens - plan.cachedTokens) + ",\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":" + plan.cachedTokens + ",\"output_tokens\":" + outputTokens
                + ",\"service_tier\":\"standard\"}";
    }

    /** The {@code stop_reason} of {@code finish}. */
    static byte[] stopReasonBytes(StreamPlan.Finish finish) {
        return switch (finish) {
            case STOP -> END_TURN;
            case LENGTH -> MAX_TOKENS;
            case TOOL_CALLS -> TOOL_USE;
        };
    }

    /** {@code {"type":"error","error":{"type","message"}}}, with {@code request_id} when there is one. */
    static String errorJson(String type, String message, String requestId) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + JsonText.escape(type) + "\",\"message\":\""
                + JsonText.escape(message) + "\"}" + (requestId == null ? "" : ",\"request_id\":\"" + requestId + "\"")
                + "}";
    }

    /** The error {@code type} the Messages API gives a status. */
    static String typeFor(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }
}
