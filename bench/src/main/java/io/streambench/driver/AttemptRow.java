package io.streambench.driver;

import io.streambench.client.sse.TokenUsage;

/**
 * One attempt, as written to {@code requests.csv} (columns in {@code report.folder.RequestsCsv}), made of named
 * parts so that no long positional list has to line up: who it was, its instants, how it ended, what arrived,
 * what the driver spent on it and what the client strategies did. Durations are ns, {@code -1} for "did not
 * happen".
 *
 * @param id       which attempt of which request
 * @param times    its instants, from which ttft, e2e, tpot... derive
 * @param ending   how it ended
 * @param received what the response held
 * @param overhead the driver's own time on it
 * @param client   client strategy figures
 * @param plan     what the workload asked for, and the server's usage of the prompt
 * @param slo      the request's objectives ({@code --slo}) as requests.csv writes them: {@code met}, those it
 *                 missed ({@code ttft;itl.max}), {@code failed}; empty without per-request objectives and for an
 *                 attempt that was retried
 */
public record AttemptRow(Id id, AttemptTimes times, Ending ending, Received received, Overhead overhead,
        ClientFigures client, Plan plan, String slo) {

    public AttemptRow {
        slo = slo == null ? "" : slo;
    }

    /** An attempt not judged against objectives. */
    public AttemptRow(Id id, AttemptTimes times, Ending ending, Received received, Overhead overhead,
            ClientFigures client, Plan plan) {
        this(id, times, ending, received, overhead, client, plan, "");
    }

    /** The same attempt with its objectives' verdict. */
    public AttemptRow withSlo(String verdict) {
        return new AttemptRow(id, times, ending, received, overhead, client, plan, verdict);
    }

    /**
     * @param requestId run-wide request number
     * @param attempt   1 for the first attempt, 2 for the first retry...
     * @param stage     stage number, from 0
     * @param measured  false for warmup requests
     */
    public record Id(long requestId, int attempt, int stage, boolean measured) {
        public Id {
            if (requestId < 0 || attempt < 1 || stage < 0) {
                throw new IllegalArgumentException("request_id=" + requestId + " attempt=" + attempt + " stage=" + stage);
            }
        }
    }

    /**
     * @param error           how the attempt ended
     * @param status          HTTP status, 0 when none arrived
     * @param message         short error text, or null
     * @param retryAfterNanos the server's retry hint, or -1
     * @param retried         whether a retry followed
     */
    public record Ending(ErrorClass error, int status, String message, long retryAfterNanos, boolean retried) {
    }

    /**
     * @param chunks          reasoning, content and tool-call events
     * @param bytes           response body bytes
     * @param outputTokens    output tokens, reasoning included
     * @param tokenSource     where {@code outputTokens} comes from
     * @param tokenizer       the run's tokenizer, which counted them for {@link TokenSource#TOKENIZER}
     * @param finishReason    last {@code finish_reason} (or the API's stop reason), or null
     * @param usageField      for {@link TokenSource#USAGE}: the field the count came from, as
     *                        {@code token_source} writes it ({@code usage:completion_tokens},
     *                        {@code response.usage:output_tokens}, {@code message_delta.usage:output_tokens},
     *                        {@code usageMetadata:candidatesTokenCount+thoughtsTokenCount}); else null
     * @param reasoningTokens the reasoning part of {@code outputTokens}: the usage's own count, else the streamed
     *                        reasoning counted with the tokenizer, 0 when neither found any; -1 when nothing can
     *                        say (no usage, and the text too long to keep)
     */
    public record Received(int chunks, long bytes, long outputTokens, TokenSource tokenSource, String tokenizer,
            String finishReason, String usageField, long reasoningTokens) {

        /** Where a chat stream's usage counts its output. */
        public static final String CHAT_USAGE = TokenSource.usageLabel(TokenUsage.Source.CHUNK_USAGE);

        /** What arrived from a chat stream with no reasoning count. */
        public Received(int chunks, long bytes, long outputTokens, TokenSource tokenSource, String tokenizer,
                String finishReason) {
            this(chunks, bytes, outputTokens, tokenSource, tokenizer, finishReason,
                    tokenSource == TokenSource.USAGE ? CHAT_USAGE : null, -1);
        }

        /** {@code usage:completion_tokens} (or another API's field), {@code tokenizer:o200k_base}... as requests.csv writes it. */
        public String tokenSourceLabel() {
            return tokenSource == TokenSource.USAGE && usageField != null ? usageField : tokenSource.label(tokenizer);
        }
    }

    /**
     * What the workload planned for the request, and what the server's usage said of its prompt.
     *
     * @param inputTokens           the prompt's tokens as sent (shared prefix and history included), counted with
     *                              the run's tokenizer
     * @param outputTokensRequested the answer length asked for ({@code max_tokens}), 0 when none
     * @param usageInputTokens      prompt tokens in the server's usage, -1 without usage
     * @param cachedTokens          of those, the ones its prefix cache held (0 when the usage does not report
     *                              it), -1 without usage
     * @param prefixGroup           the shared system prompt it starts with, from 0; -1 for none
     * @param session               the conversation it is a turn of, from 0; -1 for none
     * @param turn                  its turn in the conversation, from 0 (0 outside conversations)
     */
    public record Plan(int inputTokens, int outputTokensRequested, long usageInputTokens, long cachedTokens,
            int prefixGroup, long session, int turn) {

        /** A request with no plan of its own (a fixed body) and no usage. */
        public static final Plan NONE = new Plan(0, 0, -1, -1, -1, -1, 0);
    }

    /**
     * The first attempt's send minus the request's intended send: the driver's delay against its schedule; -1
     * for a retry (its send follows a backoff) or an attempt never sent.
     */
    public long scheduleLag() {
        return id.attempt() == 1 && times.sendNanos() >= 0 ? times.sendNanos() - times.intendedNanos() : -1;
    }

    /**
     * @param parseNanos            time spent in the parser over all reads
     * @param stampOverheadMaxNanos largest arrival minus send stamp, -1 without stamps
     */
    public record Overhead(long parseNanos, long stampOverheadMaxNanos) {
    }

    /** Intended send to the end of the answer; successful attempts only, else -1. */
    public long responseE2e() {
        return ending.error().ok() ? times.responseE2e() : -1;
    }

    /** Time per output token after the first; successful attempts with 2+ tokens only, else -1. */
    public long tpot() {
        return ending.error().ok() ? times.tpot(received.outputTokens()) : -1;
    }
}
