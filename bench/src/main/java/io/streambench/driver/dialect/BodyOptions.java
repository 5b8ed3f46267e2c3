package io.streambench.driver.dialect;

import java.util.List;

/**
 * What every request body of a run says besides its planned messages and lengths, whatever its API: each
 * encoder writes these under its API's own names (docs/wire-formats.md, "At a glance").
 *
 * @param model           the model; Gemini's goes in the URL instead of the body
 * @param maxTokens       the answer limit of a request that plans no length of its own, 0 to leave it out
 * @param includeUsage    chat and legacy completions: ask for the usage chunk ({@code stream_options})
 * @param tools           functions offered with every request, empty for none
 * @param reasoningEffort chat's {@code reasoning_effort}, the Responses API's {@code reasoning.effort}; or null
 * @param reasoningBudget Anthropic's {@code thinking.budget_tokens}, Gemini's {@code thinkingBudget} (-1: the model
 *                        decides, Anthropic's adaptive thinking); or null
 */
public record BodyOptions(String model, int maxTokens, boolean includeUsage, List<FunctionTool> tools,
                          String reasoningEffort, Integer reasoningBudget) {

    public BodyOptions {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("max tokens must be >= 0 (0 leaves it out), got " + maxTokens);
        }
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (reasoningEffort != null && reasoningEffort.isBlank()) {
            throw new IllegalArgumentException("reasoning effort must not be blank");
        }
    }

    /** A plain request: no tools, no reasoning settings. */
    public static BodyOptions plain(String model, int maxTokens, boolean includeUsage) {
        return new BodyOptions(model, maxTokens, includeUsage, List.of(), null, null);
    }
}
