package io.streambench.driver;

import io.streambench.client.sse.TokenUsage;

/**
 * The usage one attempt's stream reported, merged over its events as each API spreads it: chat, completions
 * and Responses send it once at the end; Anthropic sends the prompt in {@code message_start} (with a first
 * output count of 1 or so) and the cumulative output in {@code message_delta}; Gemini repeats running totals
 * on every event. Event loop only; -1 for a count no event gave.
 */
final class UsageTally {

    private long promptTokens = -1;
    private long outputTokens = -1;
    private long reasoningTokens = -1;
    private long cachedTokens = -1;
    private TokenUsage.Source outputSource;

    /**
     * Takes one event's usage (a view, read now). Returns true when it carried an output count that replaces
     * the estimate: every source but Anthropic's {@code message_start}, whose output count is not the answer's.
     */
    boolean accept(TokenUsage usage) {
        // Anthropic's message_delta may leave out the input counts it already gave (they read as 0 here).
        if (usage.source() != TokenUsage.Source.MESSAGE_DELTA || usage.promptTokens() > 0) {
            promptTokens = usage.promptTokens();
            cachedTokens = usage.cachedTokens();
        }
        if (usage.source() == TokenUsage.Source.MESSAGE_START) {
            return false;
        }
        outputTokens = usage.outputTokens();
        reasoningTokens = usage.reasoningTokens();
        outputSource = usage.source();
        return true;
    }

    /** Prompt tokens, cached ones included; -1 without usage. */
    long promptTokens() {
        return promptTokens;
    }

    /** Output tokens, reasoning included; -1 when no event carried the output count. */
    long outputTokens() {
        return outputTokens;
    }

    /** The reasoning part of {@link #outputTokens}: 0 when the usage does not count it apart; -1 without usage. */
    long reasoningTokens() {
        return reasoningTokens;
    }

    /** Of the prompt tokens, those served from a prompt cache; -1 without usage. */
    long cachedTokens() {
        return cachedTokens;
    }

    /**
     * The field the output count came from, as requests.csv's {@code token_source} names it
     * ({@code usage:completion_tokens}, {@code message_delta.usage:output_tokens}...), or null without one.
     */
    String outputField() {
        return outputSource == null ? null : TokenSource.usageLabel(outputSource);
    }

}
