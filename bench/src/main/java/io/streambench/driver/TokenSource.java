package io.streambench.driver;

import java.util.Locale;

/** Where an attempt's output token count comes from. */
public enum TokenSource {
    /** The server's usage chunk: exact. */
    USAGE,
    /** Estimated from the streamed text (no usage chunk came). */
    ESTIMATE,
    /** No content arrived. */
    NONE;

    /** The lower-case name written to requests.csv. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
