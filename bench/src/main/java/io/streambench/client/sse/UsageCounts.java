package io.streambench.client.sse;

/**
 * The token counts of one event's usage object as read, in the names of any dialect, and the
 * {@link TokenUsage} view a listener gets of them ({@link #as}), in its meanings: Anthropic counts cache reads
 * and writes apart from its input, the OpenAI APIs and Gemini count cached tokens inside it; Gemini counts
 * thinking apart from its output, the others inside it. Every {@link EventScratch} is one, reused for the
 * stream's events: nothing is allocated per usage event, nor per stream.
 */
class UsageCounts implements TokenUsage {

    /** The event had a usage object. */
    boolean hasUsage;
    /** {@code prompt_tokens}, {@code input_tokens}, {@code promptTokenCount}. */
    long input;
    /** Anthropic's {@code cache_creation_input_tokens} and {@code cache_read_input_tokens}, not in {@link #input}. */
    long cacheWrite;
    long cacheRead;
    /** {@code cached_tokens}, {@code cachedContentTokenCount}: part of {@link #input}. */
    long cached;
    boolean hasCached;
    /** DeepSeek's {@code prompt_cache_hit_tokens}, taken when {@link #cached} is absent. */
    long cacheHit;
    /** {@code completion_tokens}, {@code output_tokens}, {@code candidatesTokenCount}. */
    long output;
    /** {@code reasoning_tokens}, {@code thinking_tokens}, {@code thoughtsTokenCount}. */
    long reasoning;
    long total;
    private Source source;
    // Gemini's output count leaves the thinking out.
    private boolean reasoningApart;

    /** All the counts of a typed usage object ({@code cached} part of {@code input}, as OpenAI and Google count it). */
    void set(long input, long cacheWrite, long cacheRead, long cached, long output, long reasoning, long total) {
        hasUsage = true;
        this.input = input;
        this.cacheWrite = cacheWrite;
        this.cacheRead = cacheRead;
        this.cached = cached;
        hasCached = true;
        this.output = output;
        this.reasoning = reasoning;
        this.total = total;
    }

    void resetUsage() {
        hasUsage = false;
        input = 0;
        cacheWrite = 0;
        cacheRead = 0;
        cached = 0;
        hasCached = false;
        cacheHit = 0;
        output = 0;
        reasoning = 0;
        total = 0;
    }

    /**
     * This, as the view of counts from {@code source}.
     *
     * @param reasoningApart true for Gemini, whose output count leaves the thinking out
     */
    TokenUsage as(Source source, boolean reasoningApart) {
        this.source = source;
        this.reasoningApart = reasoningApart;
        return this;
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public long promptTokens() {
        return input + cacheWrite + cacheRead;
    }

    @Override
    public long outputTokens() {
        return reasoningApart ? output + reasoning : output;
    }

    @Override
    public long reasoningTokens() {
        return reasoning;
    }

    @Override
    public long cachedTokens() {
        return cacheRead + (hasCached ? cached : cacheHit);
    }

    @Override
    public long totalTokens() {
        return total;
    }

    @Override
    public String toString() {
        return "TokenUsage[source=" + source + ", prompt=" + promptTokens() + ", output=" + outputTokens()
                + ", reasoning=" + reasoning + ", cached=" + cachedTokens() + ", total=" + total + "]";
    }
}
