package io.streambench.mock.profile;

import io.streambench.mock.fault.Fault;
import io.streambench.mock.fault.RateLimit;
import java.util.List;

/**
 * A named server behaviour, chosen by the request's {@code model}: timing, output shape and wire options.
 *
 * @param name the model name that selects it
 * @param ttftMs time from the request to the first content event, in milliseconds
 * @param itlMs gap between content events, in milliseconds
 * @param outputTokens answer length in tokens; null means the content source's own length
 * @param tokensPerChunk tokens in each content event (at least 1)
 * @param content where the text comes from
 * @param paddingBytes length of the random {@code obfuscation} field added to every chunk; 0 for none
 * @param usageNullOnChunks add {@code "usage":null} to every chunk before the usage chunk (as the API docs show)
 * @param flush when the server flushes written events to the socket
 * @param requireApiKey answer 401 unless the request carries {@code Authorization: Bearer <non-empty key>}
 * @param timestamps precede every event with the SSE comment {@code : t=<System.nanoTime() at write>}
 * @param toolCalls how requests with {@code tools} are answered
 * @param reasoning reasoning tokens before the answer, and how chat completions streams them
 * @param systemFingerprint the {@code system_fingerprint} of every chunk, or null to omit it
 * @param faults faults injected into this profile's answers (see {@link io.streambench.mock.fault.FaultSpec})
 * @param rateLimit request and token limits answered with 429
 * @param pings the {@code ping} events of Anthropic Messages streams
 * @param model how the "server" behaves under traffic: tokenizer, prefill, prefix cache, capacity
 *     ({@link ModelSettings#OFF} for none)
 */
public record Profile(
        String name,
        Distribution ttftMs,
        Distribution itlMs,
        Distribution outputTokens,
        Distribution tokensPerChunk,
        ContentSource content,
        Distribution paddingBytes,
        boolean usageNullOnChunks,
        FlushPolicy flush,
        boolean requireApiKey,
        boolean timestamps,
        ToolCallSettings toolCalls,
        ReasoningSettings reasoning,
        String systemFingerprint,
        List<Fault> faults,
        RateLimit rateLimit,
        Pings pings,
        ModelSettings model) {

    public Profile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("profile name must not be blank");
        }
        require(ttftMs, "ttft_ms");
        require(itlMs, "itl_ms");
        require(tokensPerChunk, "tokens_per_chunk");
        require(content, "content");
        require(paddingBytes, "padding_bytes");
        require(flush, "flush");
        require(toolCalls, "tool_calls");
        require(reasoning, "reasoning");
        faults = List.copyOf(faults);
        require(rateLimit, "rate_limit");
        require(pings, "pings");
        require(model, "model");
        if (outputTokens == null && content.naturalTokens("") < 0 && !(content instanceof ContentSource.Echo)) {
            throw new IllegalArgumentException("profile '" + name + "': generated content needs output_tokens");
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
