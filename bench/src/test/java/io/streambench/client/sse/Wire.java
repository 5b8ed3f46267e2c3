package io.streambench.client.sse;

import java.nio.charset.StandardCharsets;

/** Writes SSE text for tests: lines with a chosen line end, and chat-completion chunk JSON. */
final class Wire {

    private final StringBuilder text = new StringBuilder();
    private final String lineEnd;

    private Wire(String lineEnd) {
        this.lineEnd = lineEnd;
    }

    static Wire lf() {
        return new Wire("\n");
    }

    static Wire crlf() {
        return new Wire("\r\n");
    }

    static Wire cr() {
        return new Wire("\r");
    }

    /** One line, as given, then the line end. */
    Wire line(String line) {
        text.append(line).append(lineEnd);
        return this;
    }

    /** A whole event: {@code data: <json>} and the blank line. */
    Wire event(String data) {
        return line("data: " + data).line("");
    }

    Wire raw(String raw) {
        text.append(raw);
        return this;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- chunk JSON, shaped like captured OpenAI streams

    static String chunk(String... choices) {
        return "{\"id\":\"chatcmpl-AbC123\",\"object\":\"chat.completion.chunk\",\"created\":1732406400,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_0ba0d124f1\","
                + "\"choices\":[" + String.join(",", choices) + "]}";
    }

    static String choice(int index, String delta, String finishReason) {
        return "{\"index\":" + index + ",\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + (finishReason == null ? "null" : quote(finishReason)) + "}";
    }

    static String roleChunk(int index) {
        return chunk(choice(index, "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null));
    }

    static String contentChunk(int index, String text) {
        return chunk(choice(index, "{\"content\":" + quote(text) + "}", null));
    }

    static String finishChunk(int index, String reason) {
        return chunk(choice(index, "{}", reason));
    }

    static String usageChunk(long prompt, long completion) {
        return "{\"id\":\"chatcmpl-AbC123\",\"object\":\"chat.completion.chunk\",\"created\":1732406400,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_0ba0d124f1\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (prompt + completion)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}";
    }

    /** A JSON string literal: escapes what JSON requires, leaves other characters raw. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
