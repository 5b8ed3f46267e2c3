package io.streambench.driver.limits;

import java.util.List;

/**
 * What a sweep or a search found.
 *
 * @param search {@code sweep}, {@code max_rate} or {@code max_concurrency}
 * @param unit   {@code requests/s} or {@code streams}
 * @param answer the highest level that met every objective; NaN when none did (or for a sweep)
 * @param low    the highest level seen to meet them, NaN when none did
 * @param high   the lowest level seen to miss them, NaN when none did
 * @param line   the answer in one line, as the console prints it
 * @param knee   a sweep's last stage before latency turns up (or before the first miss), -1 when none
 * @param stages every stage it ran, in order
 */
public record LimitOutcome(String search, String unit, double answer, double low, double high, String line, int knee,
        List<Probe> stages) {

    public LimitOutcome {
        stages = List.copyOf(stages);
    }

    /**
     * One stage of a sweep or a search.
     *
     * @param stage        stage number
     * @param role         {@code synchronous}, {@code throughput}, {@code rate}, {@code bracket}, {@code bisect} or
     *                     {@code repeat}
     * @param level        the rate (requests/s) or the concurrency it ran
     * @param achievedRate requests that succeeded within its window, per second
     * @param meets        whether it met every objective
     * @param saturated    why it did not carry its load, or null
     */
    public record Probe(int stage, String role, double level, double achievedRate, boolean meets, String saturated) {
    }
}
