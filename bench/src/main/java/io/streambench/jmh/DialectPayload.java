package io.streambench.jmh;

import io.streambench.client.Api;
import java.nio.charset.StandardCharsets;

/**
 * {@link ChunkPayload}'s answers in every API's stream: the same pieces of content (tokens, or a tool call's
 * argument pieces) in each dialect's own events, framing and spacing, as its recorded streams have them
 * ({@code bench/src/test/resources/streams/}). Every stream holds exactly the number of SSE events asked for:
 * the per-token events plus the dialect's own opening and closing events (the Responses API's
 * {@code response.created} ... {@code response.completed}, each of the last four repeating the whole text;
 * Anthropic's {@code message_start}, {@code content_block_start}, a {@code ping} ... {@code message_stop};
 * Gemini's running {@code usageMetadata} on every event). Deterministic.
 *
 * <p>A shape exists where the API has it: legacy completions have no tools, and only the OpenAI APIs pad their
 * events ({@code padded}). Gemini sends calls whole, so its {@code tool-call} stream is one call per event.
 */
public final class DialectPayload {

    private static final String RESPONSE_ID = "resp_68f1c0a2b3d48190a1b2c3d4e5f60718091a2b3c4d5e6f70";
    private static final String MESSAGE_ID = "msg_68f1c0a3c4e58190b2c3d4e5f607182930a4b5c6d7e8f901";
    private static final String CALL_ITEM_ID = "fc_68f1c0a4d5f68190d4e5f60718293a4b5c6d7e8f90a1b2c3";

    private DialectPayload() {
    }

    /**
     * A stream of {@code api} of exactly {@code events} SSE events (at least 16) of the given shape.
     *
     * @throws IllegalArgumentException for a shape the API does not have, naming the APIs that have it
     */
    public static byte[] stream(Api api, ChunkPayload.Shape shape, int events) {
        if (events < 16) {
            throw new IllegalArgumentException("events=" + events + " must be at least 16");
        }
        if (shape == ChunkPayload.Shape.TOOL_CALL && api == Api.COMPLETIONS) {
            throw new IllegalArgumentException("dialect=completions has no tool calls (legacy completions has no "
                    + "tools): shape=tool-call is for chat, responses, messages, gemini");
        }
        if (shape == ChunkPayload.Shape.PADDED && (api == Api.MESSAGES || api == Api.GEMINI)) {
            throw new IllegalArgumentException("dialect=" + api.label() + " pads no event (only the OpenAI APIs "
                    + "send obfuscation): shape=padded is for chat, completions, responses");
        }
        StringBuilder out = new StringBuilder(events * 330);
        switch (api) {
            case CHAT -> {
                return ChunkPayload.stream(shape, events);
            }
            case COMPLETIONS -> completions(out, shape, events);
            case RESPONSES -> responses(out, shape, events);
            case MESSAGES -> messages(out, shape, events);
            case GEMINI -> gemini(out, shape, events);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    // Text chunks, the last with the finish reason, the usage chunk, [DONE].
    private static void completions(StringBuilder out, ChunkPayload.Shape shape, int events) {
        String head = "{\"id\":\"cmpl-4f1e9c2d7b8a4e6f9a0b1c2d3e4f5a6b\",\"object\":\"text_completion\","
                + "\"created\":1732406400,\"model\":\"gpt-3.5-turbo-instruct\",\"choices\":";
        int pieces = events - 2;
        for (int i = 0; i < pieces; i++) {
            String padding = ChunkPayload.padding(shape, i);
            data(out, head + "[{\"index\":0,\"text\":\"" + ChunkPayload.piece(shape, i) + "\",\"logprobs\":null,"
                    + "\"finish_reason\":" + (i == pieces - 1 ? "\"stop\"" : "null") + "}]"
                    + (padding == null ? "" : ",\"obfuscation\":\"" + padding + "\"") + "}", "\n");
        }
        data(out, head + "[],\"usage\":{\"prompt_tokens\":412,\"completion_tokens\":" + pieces + ",\"total_tokens\":"
                + (412 + pieces) + "}}", "\n");
        out.append("data: [DONE]\n\n");
    }

    private static void responses(StringBuilder out, ChunkPayload.Shape shape, int events) {
        boolean tool = shape == ChunkPayload.Shape.TOOL_CALL;
        // created, in_progress, item added, (part added), the pieces, (text done, part done), item done / args done, completed
        int pieces = events - (tool ? 6 : 8);
        int sequence = 0;
        typed(out, "response.created", "\"response\":" + response("in_progress", "[]", "null"), sequence++);
        typed(out, "response.in_progress", "\"response\":" + response("in_progress", "[]", "null"), sequence++);
        String item;
        if (tool) {
            String all = ChunkPayload.arguments(pieces + 1);
            item = "{\"id\":\"" + CALL_ITEM_ID + "\",\"type\":\"function_call\",\"status\":\"%s\",\"arguments\":\"%s\","
                    + "\"call_id\":\"" + ChunkPayload.CALL_ID + "\",\"name\":\"" + ChunkPayload.TOOL_NAME + "\"}";
            typed(out, "response.output_item.added", "\"output_index\":0,\"item\":"
                    + String.format(item, "in_progress", ""), sequence++);
            for (int i = 1; i <= pieces; i++) {
                typed(out, "response.function_call_arguments.delta", "\"item_id\":\"" + CALL_ITEM_ID
                        + "\",\"output_index\":0,\"delta\":\"" + ChunkPayload.piece(shape, i) + "\"", sequence++);
            }
            typed(out, "response.function_call_arguments.done", "\"item_id\":\"" + CALL_ITEM_ID
                    + "\",\"output_index\":0,\"arguments\":\"" + all + "\",\"name\":\"" + ChunkPayload.TOOL_NAME + "\"",
                    sequence++);
            item = String.format(item, "completed", all);
        } else {
            StringBuilder all = new StringBuilder();
            typed(out, "response.output_item.added", "\"output_index\":0,\"item\":{\"id\":\"" + MESSAGE_ID
                    + "\",\"type\":\"message\",\"status\":\"in_progress\",\"content\":[],\"role\":\"assistant\"}", sequence++);
            String part = "{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":\"%s\"}";
            String where = "\"item_id\":\"" + MESSAGE_ID + "\",\"output_index\":0,\"content_index\":0,";
            typed(out, "response.content_part.added", where + "\"part\":" + String.format(part, ""), sequence++);
            for (int i = 0; i < pieces; i++) {
                String piece = ChunkPayload.piece(shape, i);
                String padding = ChunkPayload.padding(shape, i);
                all.append(piece);
                typed(out, "response.output_text.delta", where + "\"delta\":\"" + piece + "\",\"logprobs\":[]"
                        + (padding == null ? "" : ",\"obfuscation\":\"" + padding + "\""), sequence++);
            }
            typed(out, "response.output_text.done", where + "\"text\":\"" + all + "\",\"logprobs\":[]", sequence++);
            typed(out, "response.content_part.done", where + "\"part\":" + String.format(part, all), sequence++);
            item = "{\"id\":\"" + MESSAGE_ID + "\",\"type\":\"message\",\"status\":\"completed\",\"content\":["
                    + String.format(part, all) + "],\"role\":\"assistant\"}";
        }
        typed(out, "response.output_item.done", "\"output_index\":0,\"item\":" + item, sequence++);
        typed(out, "response.completed", "\"response\":" + response("completed", "[" + item + "]",
                "{\"input_tokens\":412,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":" + pieces
                        + ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":" + (412 + pieces) + "}"),
                sequence);
    }

    private static String response(String status, String output, String usage) {
        return "{\"id\":\"" + RESPONSE_ID + "\",\"object\":\"response\",\"created_at\":1732406400,\"status\":\"" + status
                + "\",\"background\":false,\"error\":null,\"incomplete_details\":null,\"instructions\":null,"
                + "\"max_output_tokens\":null,\"model\":\"gpt-4.1-2025-04-14\",\"output\":" + output
                + ",\"parallel_tool_calls\":true,\"previous_response_id\":null,\"reasoning\":{\"effort\":null,"
                + "\"summary\":null},\"store\":true,\"temperature\":1.0,\"text\":{\"format\":{\"type\":\"text\"}},"
                + "\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,\"truncation\":\"disabled\",\"usage\":" + usage
                + ",\"user\":null,\"metadata\":{}}";
    }

    // message_start, the block's start, a ping, the pieces, the block's stop, message_delta, message_stop
    private static void messages(StringBuilder out, ChunkPayload.Shape shape, int events) {
        boolean tool = shape == ChunkPayload.Shape.TOOL_CALL;
        int pieces = events - 6;
        named(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01Hq7Zk3Vd9Lm2Np5Rt8Wx4Y\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[],"
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":412,"
                + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1}}}");
        named(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + (tool ? "{\"type\":\"tool_use\",\"id\":\"toolu_01Ab2Cd3Ef4Gh5Ij6Kl7Mn8O\",\"name\":\""
                        + ChunkPayload.TOOL_NAME + "\",\"input\":{}}" : "{\"type\":\"text\",\"text\":\"\"}") + "}");
        named(out, "ping", "{\"type\": \"ping\"}");
        for (int i = 0; i < pieces; i++) {
            String piece = ChunkPayload.piece(shape, tool ? i + 1 : i);
            named(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                    + (tool ? "{\"type\":\"input_json_delta\",\"partial_json\":\"" : "{\"type\":\"text_delta\",\"text\":\"")
                    + piece + "\"}}");
        }
        named(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        named(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                + (tool ? "tool_use" : "end_turn") + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + pieces + "}}");
        named(out, "message_stop", "{\"type\":\"message_stop\"}");
    }

    // One GenerateContentResponse per piece, with the running usage; CRLF, Google's ": " spacing.
    private static void gemini(StringBuilder out, ChunkPayload.Shape shape, int events) {
        boolean tool = shape == ChunkPayload.Shape.TOOL_CALL;
        for (int i = 0; i < events; i++) {
            boolean last = i == events - 1;
            String part;
            if (!tool) {
                part = "{\"text\": \"" + ChunkPayload.piece(shape, i) + "\"}";
            } else if (last) {
                part = "{\"text\": \"\"}";
            } else {
                part = "{\"functionCall\": {\"name\": \"" + ChunkPayload.TOOL_NAME + "\",\"args\": {\"location\": "
                        + "\"San Francisco, CA\",\"unit\": \"celsius\",\"days\": [1,2,3]},\"id\": \"k3v9q2z" + i + "\"}}";
            }
            int output = i + 1;
            data(out, "{\"candidates\": [{\"content\": {\"parts\": [" + part + "],\"role\": \"model\"},"
                    + (last ? "\"finishReason\": \"STOP\"," : "") + "\"index\": 0}],\"usageMetadata\": "
                    + "{\"promptTokenCount\": 412,\"candidatesTokenCount\": " + output + ",\"totalTokenCount\": "
                    + (412 + output) + ",\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 412}]},"
                    + "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"q7RkaZ2bN4mXyW8PvLc3Td9E\"}", "\r\n");
        }
    }

    /** A Responses API event: its name on the {@code event:} line and as {@code type}, then its sequence number. */
    private static void typed(StringBuilder out, String type, String fields, int sequence) {
        named(out, type, "{\"type\":\"" + type + "\"," + fields + ",\"sequence_number\":" + sequence + "}");
    }

    private static void named(StringBuilder out, String event, String json) {
        out.append("event: ").append(event).append('\n');
        data(out, json, "\n");
    }

    private static void data(StringBuilder out, String json, String lineEnd) {
        out.append("data: ").append(json).append(lineEnd).append(lineEnd);
    }
}
