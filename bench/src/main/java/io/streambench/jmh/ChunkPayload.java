package io.streambench.jmh;

import java.nio.charset.StandardCharsets;

/**
 * A realistic streamed answer for parser benchmarks: a role chunk, content chunks of one or two
 * tokens, a finish chunk, a usage chunk and {@code [DONE]}, shaped like captured OpenAI streams
 * (about 265 bytes an event, mostly ASCII with a few multi-byte characters). Deterministic.
 */
public final class ChunkPayload {

    private static final String[] TOKENS = {
        " The", " stream", "ing", " answer", " arrives", " in", " small", " pieces", ",", " each",
        " one", " a", " chunk", " of", " JSON", " text", ".", " Café", " naïve", " —", " 😀", "\\n\\n", " \\\"quoted\\\"",
    };

    private ChunkPayload() {
    }

    /** A stream of exactly {@code events} SSE events (at least 4), the last being {@code [DONE]}. */
    public static byte[] stream(int events) {
        if (events < 4) {
            throw new IllegalArgumentException("events=" + events + " must be at least 4");
        }
        StringBuilder out = new StringBuilder(events * 270);
        event(out, delta("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null"), "q7Z");
        for (int i = 0; i < events - 4; i++) {
            String token = TOKENS[i % TOKENS.length] + (i % 3 == 0 ? TOKENS[(i * 7) % TOKENS.length] : "");
            event(out, delta("{\"content\":\"" + token + "\"}", "null"), i % 10 == 0 ? "mN3xPq" : null);
        }
        event(out, delta("{}", "\"stop\""), "x");
        event(out, "\"choices\":[],\"usage\":{\"prompt_tokens\":412,\"completion_tokens\":" + (events - 4)
                + ",\"total_tokens\":" + (412 + events - 4) + ",\"prompt_tokens_details\":{\"cached_tokens\":0,"
                + "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}", null);
        out.append("data: [DONE]\n\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
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
