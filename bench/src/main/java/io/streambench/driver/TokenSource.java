package io.streambench.driver;

import java.util.Locale;

/** Where an attempt's output token count comes from. */
public enum TokenSource {
    /** The server's usage chunk: exact. */
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
}
