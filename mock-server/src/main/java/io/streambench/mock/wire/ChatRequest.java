package io.streambench.mock.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.mock.model.Prompt;
import java.util.List;

/**
 * What the mock needs from a validated {@code POST /v1/chat/completions} body; everything else is ignored.
 * Not an API: public for {@code http}, whose decoders make it.
 *
 * @param model the requested model (selects the profile)
 * @param stream SSE when true, one JSON completion when false
 * @param includeUsage {@code stream_options.include_usage}
 * @param maxTokens {@code max_completion_tokens} or {@code max_tokens}; 0 when absent
 * @param n number of choices
 * @param tools the offered functions
 * @param toolChoice the request's {@code tool_choice}
 * @param parallelToolCalls {@code parallel_tool_calls} (default true)
 * @param seed the body's {@code seed}, or null
 * @param lastUserMessage text of the last user message ("" when none)
 * @param promptTokens rough token count of all messages
 * @param prompt every message's role and text, in order (what the server model counts and caches)
 * @param ignoreEos vLLM's {@code ignore_eos}: the answer runs to {@code maxTokens} (which must be set)
 * @param minTokens vLLM's {@code min_tokens}: the answer has at least this many tokens; 0 for no floor
 */
public record ChatRequest(
        String model,
        boolean stream,
        boolean includeUsage,
        int maxTokens,
        int n,
        List<Tool> tools,
        ToolChoice toolChoice,
        boolean parallelToolCalls,
        Long seed,
        String lastUserMessage,
        int promptTokens,
        Prompt prompt,
        boolean ignoreEos,
        int minTokens) {

    public ChatRequest {
        tools = List.copyOf(tools);
        if (prompt == null) {
            throw new IllegalArgumentException("prompt must not be null (Prompt.EMPTY for none)");
        }
        if (minTokens < 0) {
            throw new IllegalArgumentException("minTokens must be >= 0, got " + minTokens);
        }
        if (ignoreEos && maxTokens == 0) {
            throw new IllegalArgumentException("ignoreEos needs maxTokens");
        }
        if (maxTokens > 0 && minTokens > maxTokens) {
            throw new IllegalArgumentException("minTokens " + minTokens + " > maxTokens " + maxTokens);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be >= 0, got " + maxTokens);
        }
    }

    /**
     * A request whose prompt is its last user message alone, with no {@code ignore_eos} and no
     * {@code min_tokens}.
     */
    public ChatRequest(String model, boolean stream, boolean includeUsage, int maxTokens, int n, List<Tool> tools,
            ToolChoice toolChoice, boolean parallelToolCalls, Long seed, String lastUserMessage, int promptTokens) {
        this(model, stream, includeUsage, maxTokens, n, tools, toolChoice, parallelToolCalls, seed, lastUserMessage,
                promptTokens, Prompt.ofUser(lastUserMessage), false, 0);
    }

    /** A function the model may call, with its JSON Schema. */
    public record Tool(String name, JsonNode parameters) {
    }

    /** {@code tool_choice}: none, auto, required, or one named function. */
    public record ToolChoice(Mode mode, String function) {
        /** The four kinds of {@code tool_choice}. */
        public enum Mode { NONE, AUTO, REQUIRED, NAMED }

        public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    }
}
