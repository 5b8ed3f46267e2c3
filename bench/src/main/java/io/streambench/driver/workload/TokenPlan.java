package io.streambench.driver.workload;

/**
 * The token lengths a planned request asks for, counted with the workload's tokenizer over the messages'
 * text (the chat template a server wraps around messages adds a few tokens that are not counted here).
 *
 * @param prefixTokens  tokens of the shared system prompt, 0 without one
 * @param historyTokens tokens of earlier turns of a conversation (their prompts and the answers received), 0 otherwise
 * @param inputTokens   tokens of the request's own prompt (for a trace: the whole prompt)
 * @param outputTokens  the answer length to ask for ({@code max_tokens} and its kin), 0 to leave it to the server
 * @param ignoreEos     ask the server to generate exactly {@code outputTokens} ({@code ignore_eos} and
 *                      {@code min_tokens} for vLLM- and SGLang-compatible servers); needs {@code outputTokens > 0}
 */
public record TokenPlan(int prefixTokens, int historyTokens, int inputTokens, int outputTokens, boolean ignoreEos) {

    public TokenPlan {
        if (prefixTokens < 0 || historyTokens < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, got prefix=" + prefixTokens
                    + " history=" + historyTokens + " input=" + inputTokens + " output=" + outputTokens);
        }
        if (ignoreEos && outputTokens == 0) {
            throw new IllegalArgumentException("ignoreEos needs an output length (outputTokens > 0)");
        }
    }

    /** All the prompt's tokens: prefix, history and the request's own. */
    public int promptTokens() {
        return prefixTokens + historyTokens + inputTokens;
    }
}
