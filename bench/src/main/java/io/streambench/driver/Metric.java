package io.streambench.driver;

import java.util.Locale;

/**
 * The distributions a run records (definitions in docs/metrics.md). Times are recorded in ns; counts in
 * their own unit.
 */
public enum Metric {
    /** Send to response headers. */
    TTFB(Unit.NANOS),
    /** Send to the first SSE data event (often the role-only chunk). */
    TTFE(Unit.NANOS),
    /** Send to the first generated token of any kind: a reasoning, content or tool-call event. */
    TTFT(Unit.NANOS),
    /** Send to the first answer token: a content or tool-call event, after any reasoning. */
    TTFA(Unit.NANOS),
    /** Gap between consecutive token events (reasoning, content, tool call) of a stream, pooled. */
    ITL(Unit.NANOS),
    /** {@link #ITL} divided by the (estimated) tokens of the later chunk. */
    ITL_TOKEN(Unit.NANOS),
    /** (e2e - ttft) / (output tokens - 1), per successful attempt with 2+ tokens. */
    TPOT(Unit.NANOS),
    /** Send to {@code [DONE]} (or end of stream), per successful attempt. */
    E2E(Unit.NANOS),
    /** Intended send of the request (first attempt) to its first token: includes queueing and retries. */
    RESPONSE_TTFT(Unit.NANOS),
    /** Intended send of the request to the end of its successful attempt: includes queueing and retries. */
    RESPONSE_E2E(Unit.NANOS),
    /** Estimated tokens in each content event. */
    TOKENS_PER_CHUNK(Unit.TOKENS),
    /** Arrival of an event minus the server's {@code : t=} send stamp (same-process mock only). */
    STAMP_OVERHEAD(Unit.NANOS),
    /** Time the parser (and listener) took for one read, from arrival to return. */
    PARSE(Unit.NANOS),
    /** Flush strategy: arrival of text to the flush that showed it. */
    DISPLAY_DELAY(Unit.NANOS),
    /**
     * A request's intended send (its time in the schedule) to its first attempt's send: the driver's own delay
     * against its schedule (a trace's, an open loop's, a conversation's think time), never negative.
     */
    SCHEDULE_LAG(Unit.NANOS),
    /** Prompt tokens of each request as sent (shared prefix and history included), counted with the run's tokenizer. */
    INPUT_TOKENS(Unit.TOKENS),
    /** Prompt tokens in the server's usage, per attempt with usage (its chat template included). */
    USAGE_INPUT_TOKENS(Unit.TOKENS),
    /** Of {@link #USAGE_INPUT_TOKENS}, those the server's usage says its prefix cache held (0 when it does not say). */
    CACHED_TOKENS(Unit.TOKENS),
    /** The answer length each request asked for ({@code max_tokens}), per request that asked one. */
    OUTPUT_TOKENS_REQUESTED(Unit.TOKENS),
    /** Output tokens per successful attempt: the server's usage, else counted with the run's tokenizer. */
    OUTPUT_TOKENS(Unit.TOKENS),
    /**
     * The reasoning part of the output tokens, per successful attempt that reasoned: the usage's count, else the
     * streamed reasoning counted.
     */
    REASONING_TOKENS(Unit.TOKENS);

    /** What a metric's values count. */
    public enum Unit {
        NANOS, TOKENS
    }

    private final Unit unit;

    Metric(Unit unit) {
        this.unit = unit;
    }

    /** The unit of recorded values. */
    public Unit unit() {
        return unit;
    }

    /** The lower-case name used in file names and CSV, e.g. {@code response_e2e}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
