package io.streambench.client.sse;

/**
 * Token counts as one event reported them, in dialect-neutral terms: a view handed to
 * {@link SseListener#onUsage}, valid only during the call (the parser reuses it for the next event; copy the
 * counts, or {@link #of} them, to keep them). A count the event does not carry is 0.
 *
 * <table>
 * <caption>Where each count comes from</caption>
 * <tr><th>count</th><th>chat / completions {@code usage}</th><th>Responses {@code response.usage}</th>
 *     <th>Anthropic {@code usage}</th><th>Gemini {@code usageMetadata}</th></tr>
 * <tr><td>{@link #promptTokens}</td><td>{@code prompt_tokens}</td><td>{@code input_tokens}</td>
 *     <td>{@code input_tokens + cache_creation_input_tokens + cache_read_input_tokens}</td>
 *     <td>{@code promptTokenCount}</td></tr>
 * <tr><td>{@link #outputTokens} (reasoning included)</td><td>{@code completion_tokens}</td>
 *     <td>{@code output_tokens}</td><td>{@code output_tokens}</td>
 *     <td>{@code candidatesTokenCount + thoughtsTokenCount}</td></tr>
 * <tr><td>{@link #reasoningTokens}</td><td>{@code completion_tokens_details.reasoning_tokens}</td>
 *     <td>{@code output_tokens_details.reasoning_tokens}</td>
 *     <td>{@code output_tokens_details.thinking_tokens}</td><td>{@code thoughtsTokenCount}</td></tr>
 * <tr><td>{@link #cachedTokens} (part of the prompt)</td><td>{@code prompt_tokens_details.cached_tokens}, else
 *     DeepSeek's {@code prompt_cache_hit_tokens}</td><td>{@code input_tokens_details.cached_tokens}</td>
 *     <td>{@code cache_read_input_tokens}</td><td>{@code cachedContentTokenCount}</td></tr>
 * <tr><td>{@link #totalTokens}</td><td>{@code total_tokens}</td><td>{@code total_tokens}</td>
 *     <td>0 (not sent)</td><td>{@code totalTokenCount}</td></tr>
 * </table>
 */
public interface TokenUsage {

    /** Which field of the stream the counts came from. */
    enum Source {
        /** The {@code usage} of a chat or legacy completions chunk: the final counts. */
        CHUNK_USAGE("usage"),
        /** {@code response.usage} of the Responses API's terminal event: the final counts. */
        RESPONSE_USAGE("response.usage"),
        /** {@code message.usage} of Anthropic's {@code message_start}: the prompt, and a first output count. */
        MESSAGE_START("message_start.message.usage"),
        /** {@code usage} of Anthropic's {@code message_delta}: the cumulative output count. */
        MESSAGE_DELTA("message_delta.usage"),
        /** Gemini's {@code usageMetadata}, on every event: running totals, the last one final. */
        USAGE_METADATA("usageMetadata");

        private final String field;

        Source(String field) {
            this.field = field;
        }

        /** The field's path on the wire, for reports. */
        public String field() {
            return field;
        }
    }

    Source source();

    /** Input tokens, cached ones included. */
    long promptTokens();

    /** Generated tokens, reasoning included. */
    long outputTokens();

    /** The reasoning (thinking) part of {@link #outputTokens}. */
    long reasoningTokens();

    /** The part of {@link #promptTokens} served from a prompt cache. */
    long cachedTokens();

    long totalTokens();

    /** Counts kept as a value, for tests and callers that keep them. */
    static TokenUsage of(Source source, long prompt, long output, long reasoning, long cached, long total) {
        return new Counts(source, prompt, output, reasoning, cached, total);
    }

    /** {@link TokenUsage} as a value. */
    record Counts(Source source, long promptTokens, long outputTokens, long reasoningTokens, long cachedTokens,
                  long totalTokens) implements TokenUsage {
        public Counts {
            java.util.Objects.requireNonNull(source, "source");
        }
    }
}
