package io.streambench.driver;

import java.time.Duration;

/**
 * Per-attempt limits. Before the first token only {@code ttft} and {@code total} apply; after it,
 * {@code idle} (the gap since the last SSE data event; comments such as keep-alive pings do not count)
 * and {@code total}.
 *
 * @param connect TCP (and TLS) connect
 * @param ttft    send to first content or tool-call event
 * @param idle    longest gap between data events once tokens flow
 * @param total   send to end of stream
 */
public record Timeouts(Duration connect, Duration ttft, Duration idle, Duration total) {

    /** Connect 10 s, first token 60 s, idle gap 30 s, total 10 min. */
    public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(30), Duration.ofMinutes(10));

    public Timeouts {
        positive("connect", connect);
        positive("ttft", ttft);
        positive("idle", idle);
        positive("total", total);
        if (connect.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connect timeout too large, got " + connect);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " timeout must be > 0, got " + value);
        }
    }
}
