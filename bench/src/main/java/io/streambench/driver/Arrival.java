package io.streambench.driver;

import java.util.Locale;

/** How an open-loop workload spaces its intended send times. */
public enum Arrival {
    /** Exponential gaps with mean 1/rate: independent users, the realistic default. */
    POISSON,
    /** Exactly 1/rate apart: easiest to reason about, hardest on pacing (every send lines up). */
    CONSTANT;

    /** {@code poisson} or {@code constant}, any case. */
    public static Arrival parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("arrival must be poisson or constant, got " + text);
        }
    }

    /** The lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
