package io.streambench.jmh;

import java.nio.charset.StandardCharsets;

/**
 * A realistic streamed answer for parser benchmarks: a role chunk, content chunks of one or two
 * tokens, a finish chunk, a usage chunk and {@code [DONE]}, shaped like captured OpenAI streams
 * (about 265 bytes an event, mostly ASCII with a few multi-byte characters). Deterministic.
 * {@link #stream(Shape, int)} gives the other shapes the benchmarks compare; {@link DialectPayload} the same
 * content in the other APIs' streams ({@link #piece}, {@link #padding}).
 */
public final class ChunkPayload {

    private static final String[] TOKENS = {
        " The", " stream", "ing", " answer", " arrives", " in", " small", " pieces", ",", " each",
        " one", " a", " chunk", " of", " JSON", " text", ".", " Café", " naïve", " —", " 😀", "\\n\\n", " \\\"quoted\\\"",
    };

    /** What the events between the role chunk and the finish chunk carry. */
    public enum Shape {
        /** One or two tokens of content an event, an {@code obfuscation} field on every tenth: {@link #stream(int)}. */
        SHORT,
        /** About 30 tokens (some 150 characters) of content an event, as batching gateways send. */
        LONG,
        /** A tool call streamed as {@code arguments} fragments, the first one with its id and name. */
        TOOL_CALL,
        /** Short content with an {@code obfuscation} field of 16 to 80 characters on every event. */
        PADDED
    }

    // Pieces of {"location": "...", "unit": "celsius", "days": [...]} as models stream them, JSON-escaped.
    private static final String[] ARGUMENTS = {
        "{\\\"", "location", "\\\":\\\"", "San", " Francisco", ",", " CA", "\\\",\\\"", "unit", "\\\":\\\"",
        "c", "elsius", "\\\",\\\"", "days", "\\\":[", "1", ",", "2", ",", "3", "]}",
    };

    private static final String PAD = "q8ZxV3mLr0TnB6yWcK2hJ9uFdS4aE7gP1oIvXbNtMzRk5lYwCeQjHsq8ZxV3mLr0TnB6yWcK2hJ9uFdS4aE7gP1oIv";

    private ChunkPayload() {
    }

    /** A stream of exactly {@code events} SSE events (at least 4) of the given shape, the last being {@code [DONE]}. */
    public static byte[] stream(Shape shape, int events) {
        if (shape == Shape.SHORT) {
            return stream(events);
        }
        if (events < 4) {
            throw new IllegalArgumentException("events=" + events + " must be at least 4");
        }
        StringBuilder out = new StringBuilder(events * 300);
        event(out, delta("{\"role\":\"assistant\",\"content\":null,\"refusal\":null}", "null"), null);
        for (int i = 0; i < events - 4; i++) {
            String piece = piece(shape, i);
            switch (shape) {
                case LONG, PADDED -> event(out, delta("{\"content\":\"" + piece + "\"}", "null"), padding(shape, i));
                case TOOL_CALL -> {
                    String call = i == 0
                            ? "{\"index\":0,\"id\":\"" + CALL_ID + "\",\"type\":\"function\",\"function\":"
                              + "{\"name\":\"" + TOOL_NAME + "\",\"arguments\":\"\"}}"
                            : "{\"index\":0,\"function\":{\"arguments\":\"" + piece + "\"}}";
                    event(out, delta("{\"tool_calls\":[" + call + "]}", "null"), null);
                }
                default -> throw new IllegalStateException("shape=" + shape);
            }
        }
        event(out, delta("{}", shape == Shape.TOOL_CALL ? "\"tool_calls\"" : "\"stop\""), null);
        usage(out, events);
        out.append("data: [DONE]\n\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A stream of exactly {@code events} SSE events (at least 4), the last being {@code [DONE]}. */
    public static byte[] stream(int events) {
        if (events < 4) {
            throw new IllegalArgumentException("events=" + events + " must be at least 4");
        }
        StringBuilder out = new StringBuilder(events * 270);
        event(out, delta("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null"), "q7Z");
        for (int i = 0; i < events - 4; i++) {
            event(out, delta("{\"content\":\"" + piece(Shape.SHORT, i) + "\"}", "null"), padding(Shape.SHORT, i));
        }
        event(out, delta("{}", "\"stop\""), "x");
        usage(out, events);
        out.append("data: [DONE]\n\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What the {@code i}-th event between the opening and the closing carries, JSON-escaped: one or two tokens
     * ({@code SHORT}), about 30 ({@code LONG}), one ({@code PADDED}), or a piece of a tool call's arguments
     * ({@code TOOL_CALL}).
     */
    static String piece(Shape shape, int i) {
        return switch (shape) {
            case SHORT -> TOKENS[i % TOKENS.length] + (i % 3 == 0 ? TOKENS[(i * 7) % TOKENS.length] : "");
            case LONG -> {
                StringBuilder text = new StringBuilder();
                for (int t = 0; t < 30; t++) {
                    text.append(TOKENS[(i * 31 + t * 7) % TOKENS.length]);
                }
                yield text.toString();
            }
            case PADDED -> TOKENS[i % TOKENS.length];
            case TOOL_CALL -> ARGUMENTS[i % ARGUMENTS.length];
        };
    }

    /** The {@code obfuscation} padding of the {@code i}-th event, where the API pads: every tenth {@code SHORT} one, every {@code PADDED} one. */
    static String padding(Shape shape, int i) {
        return switch (shape) {
            case SHORT -> i % 10 == 0 ? "mN3xPq" : null;
            case PADDED -> PAD.substring(0, 16 + (i * 13) % 65);
            default -> null;
        };
    }

    /** The whole arguments of the {@code TOOL_CALL} shape's call whose pieces are {@code 1..count - 1}, JSON-escaped. */
    static String arguments(int count) {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i < count; i++) {
            all.append(piece(Shape.TOOL_CALL, i));
        }
        return all.toString();
    }

    static final String CALL_ID = "call_Xy7pQ2rS9tUvW3zA";
    static final String TOOL_NAME = "get_weather";

    private static void usage(StringBuilder out, int events) {
        event(out, "\"choices\":[],\"usage\":{\"prompt_tokens\":412,\"completion_tokens\":" + (events - 4)
                + ",\"total_tokens\":" + (412 + events - 4) + ",\"prompt_tokens_details\":{\"cached_tokens\":0,"
                + "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}", null);
    }

    private static String delta(String delta, String finishReason) {
        return "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + finishReason + "}]";
    }

    private static void event(StringBuilder out, String body, String obfuscation) {
        out.append("data: {\"id\":\"chatcmpl-BcD4eF5gH6iJ7kL8mN9oP0qR1sT2u\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1732406400,\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"system_fingerprint\":\"fp_0ba0d124f1\",").append(body);
        if (obfuscation != null) {
            out.append(",\"obfuscation\":\"").append(obfuscation).append('"');
        }
        out.append("}\n\n");
    }
}
