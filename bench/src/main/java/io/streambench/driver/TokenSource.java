package io.streambench.driver;

import io.streambench.client.sse.TokenUsage;
import java.util.Locale;

/** Where an attempt's output token count comes from. */
public enum TokenSource {
    /** The API's usage: exact; requests.csv names the field ({@link #usageLabel}). */
    USAGE,
    /** No usage came: the streamed text, counted with the run's tokenizer when the attempt ended. */
    TOKENIZER,
    /**
     * No usage came, and the text was not kept: too long, or the stage's server had sent usage before (so the
     * text was not kept for a count): the per-event estimate ({@link TokenEstimator}).
     */
    ESTIMATE,
    /** No content arrived. */
    NONE;

    /** The lower-case name written to requests.csv; the tokenizer's is {@code tokenizer:<name>}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label with the tokenizer named: {@code tokenizer:o200k_base}, else {@link #label()}. */
    public String label(String tokenizer) {
        return this == TOKENIZER ? label() + ":" + tokenizer : label();
    }

    /**
     * How requests.csv names a count from the API's usage, {@code object:count}: where on the wire, and which
     * count ({@code usage:completion_tokens}, {@code message_delta.usage:output_tokens}; Gemini's output is two
     * counts added).
     */
    public static String usageLabel(TokenUsage.Source source) {
        return source.field() + ":" + switch (source) {
            case CHUNK_USAGE -> "completion_tokens";
            case RESPONSE_USAGE, MESSAGE_START, MESSAGE_DELTA -> "output_tokens";
            case USAGE_METADATA -> "candidatesTokenCount+thoughtsTokenCount";
        };
    }
}
