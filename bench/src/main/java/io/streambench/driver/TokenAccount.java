package io.streambench.driver;

import io.streambench.client.sse.TokenUsage;
import io.streambench.driver.workload.Tokenizer;

/**
 * One attempt's output as counted: bytes, chunks and tokens, into the stage's {@link StageWindow} as they arrive.
 * Each content event adds its estimated tokens; the exact count, when known, adds the difference: the usage
 * chunk's as it arrives, else the run's tokenizer's count of the streamed text, taken once the attempt ended
 * ({@link #ended}, never between a read and its timestamp). The text is kept ({@link ReceivedText}) for that count
 * and for a conversation's next turn. One per attempt, made with it.
 */
final class TokenAccount {

    private final StageMetrics metrics;
    private final StageWindow window;
    private final boolean measured;
    private final Tokenizer tokenizer;
    /**
     * Whether to keep the text: always for a conversation's turn; else only while the stage has seen no usage,
     * since a server that sends usage gives the exact count and the text would only take memory.
     */
    private final boolean keepText;
    /** The usage as the API spreads it over its events. */
    private final UsageTally usage = new UsageTally();
    /** The answer as received, and the tool calls' arguments: for an exact count and the next turn. */
    private final ReceivedText received = new ReceivedText();

    private int chunks;
    private long bytes;
    private long estimatedTokens;
    private long usageTokens = -1;
    /** The tokenizer's count of the text, once the attempt ended without usage; -1 otherwise. */
    private long countedExact = -1;
    /** The reasoning part of the output ({@link #countReasoning}), once the attempt ended. */
    private long reasoningTokens = -1;
    /** Tokens of this attempt added to the stage's window so far. */
    private long countedTokens;

    TokenAccount(StageMetrics metrics, boolean measured, Tokenizer tokenizer, boolean conversation) {
        this.metrics = metrics;
        this.window = metrics.window();
        this.measured = measured;
        this.tokenizer = tokenizer;
        this.keepText = conversation || !metrics.usageSeen();
    }

    /** Body bytes read off the socket. */
    void read(int readable, long arrivalNanos) {
        bytes += readable;
        if (readable > 0) {
            window.read(readable, arrivalNanos);
        }
    }

    /** A content event of {@code tokens} (estimated). */
    void arrived(int tokens, long arrivalNanos) {
        chunks++;
        estimatedTokens += tokens;
        // Once the usage chunk has fixed the count, later events add none.
        long add = usageTokens >= 0 ? 0 : tokens;
        countedTokens += add;
        window.arrived(add, arrivalNanos);
    }

    void reasoningText(CharSequence text) {
        if (keepText) {
            received.reasoning(text);
        }
    }

    void answerText(CharSequence text) {
        if (keepText) {
            received.answer(text);
        }
    }

    void argumentsText(CharSequence arguments) {
        if (keepText && arguments != null && arguments.length() > 0) {
            received.arguments(arguments);
        }
    }

    /**
     * The server's counts, as often as the API repeats them (Gemini on every event, Anthropic at the start and
     * the end): the latest output count fixes the attempt's, and its figures are recorded once, at its end.
     */
    void usage(TokenUsage counts, long arrivalNanos) {
        metrics.sawUsage();
        if (usage.accept(counts)) {
            long completion = usage.outputTokens();
            usageTokens = completion;
            window.corrected(completion - countedTokens, arrivalNanos);
            countedTokens = completion;
        }
    }

    /** The attempt ended: the exact counts, and the usage's input figures. */
    void ended(long lastContentNanos) {
        countText(lastContentNanos);
        reasoningTokens = countReasoning();
        if (measured && usage.promptTokens() >= 0) {
            metrics.record(Metric.USAGE_INPUT_TOKENS, usage.promptTokens());
            metrics.record(Metric.CACHED_TOKENS, usage.cachedTokens());
        }
    }

    /**
     * Without usage, counts the kept text with the run's tokenizer: after the attempt's last instant was taken,
     * never between a read and its timestamp. The window gets the difference to the estimates it counted, at the
     * last content's instant, as it gets the usage chunk's difference.
     */
    private void countText(long lastContentNanos) {
        if (usageTokens >= 0 || chunks == 0 || !keepText || !received.complete()) {
            return;
        }
        countedExact = received.count(tokenizer);
        window.corrected(countedExact - countedTokens, lastContentNanos);
        countedTokens = countedExact;
    }

    /**
     * The reasoning part of the output, once the attempt ended: the usage's count when it gives one, else the
     * streamed reasoning counted with the run's tokenizer (a server whose usage does not count it apart); 0 when
     * neither found any; -1 when nothing can say (no usage, and no text kept: none came, or too long, or not kept).
     */
    private long countReasoning() {
        if (usage.reasoningTokens() > 0) {
            return usage.reasoningTokens();
        }
        if (chunks > 0 && keepText && received.complete()) {
            return received.reasoningCount(tokenizer);
        }
        return usage.outputTokens() >= 0 ? 0 : -1;
    }

    long outputTokens() {
        return usageTokens >= 0 ? usageTokens : countedExact >= 0 ? countedExact : estimatedTokens;
    }

    long reasoningTokens() {
        return reasoningTokens;
    }

    private TokenSource tokenSource() {
        return usageTokens >= 0 ? TokenSource.USAGE : chunks == 0 ? TokenSource.NONE
                : countedExact >= 0 ? TokenSource.TOKENIZER : TokenSource.ESTIMATE;
    }

    /** The answer's text exactly as received, or null when it was too long to keep (or not kept). */
    String answer() {
        return keepText ? received.answer() : null;
    }

    /** The row's part of what was received. */
    AttemptRow.Received received(String finishReason) {
        return new AttemptRow.Received(chunks, bytes, outputTokens(), tokenSource(), tokenizer.name(), finishReason,
                usage.outputField(), reasoningTokens);
    }

    long usagePromptTokens() {
        return usage.promptTokens();
    }

    long usageCachedTokens() {
        return usage.cachedTokens();
    }
}
