package io.streambench.mock.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.mock.internal.model.Prompt;
import java.util.List;

/**
 * What the mock needs from a validated request body of any API; everything else is ignored.
 *
 * @param model the requested model (selects the profile)
 * @param stream SSE when true, one JSON answer when false
 * @param includeUsage {@code stream_options.include_usage}
 * @param maxTokens the API's output token limit ({@code max_completion_tokens}, {@code max_tokens},
 *     {@code max_output_tokens}); reasoning counts toward it; 0 when absent
 * @param n number of choices
 * @param tools the offered functions
 * @param toolChoice the request's {@code tool_choice}
 * @param parallelToolCalls {@code parallel_tool_calls} (default true)
 * @param seed the body's {@code seed}, or null
 * @param lastUserMessage text of the last user message ("" when none)
 * @param promptTokens rough token count of all messages
 * @param reasoning whether the model reasons and whether its reasoning is streamed
 * @param obfuscation {@code stream_options.include_obfuscation} (default true): the profile's padding is sent
 * @param echo the request fields the API repeats in its answer (the Responses API's {@code instructions},
 *     {@code tools}, ...), as its decoder normalised them; null for APIs that repeat none
 * @param prompt every message's role and text, in order, system text included (what the server model counts
 *     and caches)
 * @param ignoreEos vLLM's {@code ignore_eos}: the answer runs to {@code maxTokens} (which must be set)
 * @param minTokens vLLM's {@code min_tokens}: the answer has at least this many generated tokens, reasoning
 *     included; 0 for no floor
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
        Reasoning reasoning,
        boolean obfuscation,
        JsonNode echo,
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
        if (reasoning == null) {
            throw new IllegalArgumentException("reasoning is required");
        }
    }

    /**
     * A request of one user message (its whole prompt), that leaves reasoning to the profile (streamed), sends
     * padding, repeats nothing and has no {@code ignore_eos} or {@code min_tokens}. The decoders of the APIs use
     * the canonical constructor, with every message in the prompt.
     */
    public ChatRequest(String model, boolean stream, boolean includeUsage, int maxTokens, int n, List<Tool> tools,
            ToolChoice toolChoice, boolean parallelToolCalls, Long seed, String lastUserMessage, int promptTokens) {
        this(model, stream, includeUsage, maxTokens, n, tools, toolChoice, parallelToolCalls, seed, lastUserMessage,
                promptTokens, Reasoning.SHOWN, true, null, Prompt.ofUser(lastUserMessage), false, 0);
    }

    /**
     * A function the model may call, with its JSON Schema.
     *
     * @param definition the tool as the request gave it, for APIs that repeat it in the answer; may be null
     */
    public record Tool(String name, JsonNode parameters, JsonNode definition) {
        public Tool(String name, JsonNode parameters) {
            this(name, parameters, null);
        }
    }

    /** {@code tool_choice}: none, auto, required, or one named function. */
    public record ToolChoice(Mode mode, String function) {
        /** The four kinds of {@code tool_choice}. */
        public enum Mode { NONE, AUTO, REQUIRED, NAMED }

        public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    }

    /**
     * What the request asks of a reasoning model; how many tokens it reasons is the profile's
     * ({@code reasoning_tokens}, {@code x-mock-reasoning-tokens}).
     *
     * @param enabled false when the request turns reasoning off ({@code reasoning_effort: "none"}, a thinking
     *     budget of 0): no reasoning tokens at all
     * @param shown whether the reasoning text is streamed, or only felt as a delay and counted in usage (the
     *     Responses API without {@code reasoning.summary})
     * @param budgetTokens the most reasoning tokens the request allows (Anthropic's {@code budget_tokens},
     *     Gemini's {@code thinkingBudget}); 0 for no limit of its own
     */
    public record Reasoning(boolean enabled, boolean shown, int budgetTokens) {

        /** Reasoning as the profile says, streamed. */
        public static final Reasoning SHOWN = new Reasoning(true, true, 0);
        /** Reasoning as the profile says, not streamed. */
        public static final Reasoning HIDDEN = new Reasoning(true, false, 0);
        /** No reasoning. */
        public static final Reasoning OFF = new Reasoning(false, false, 0);

        public Reasoning {
            if (budgetTokens < 0) {
                throw new IllegalArgumentException("budgetTokens must be >= 0, got " + budgetTokens);
            }
        }
    }
}
