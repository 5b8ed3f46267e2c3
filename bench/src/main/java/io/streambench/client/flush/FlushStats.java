package io.streambench.client.flush;

/**
 * What a {@link Flusher} did for one stream. The per-character delays went to the {@link DelaySink} the
 * flusher was given.
 *
 * @param policy     the policy's name
 * @param flushes    how many times text was shown
 * @param characters how many characters were shown
 * @param pending    characters still waiting (0 once the stream has ended)
 * @param end        how the stream ended, or null while it runs
 */
public record FlushStats(String policy, long flushes, long characters, int pending, StreamEnd end) {

    public FlushStats {
        if (flushes < 0 || characters < 0 || pending < 0) {
            throw new IllegalArgumentException("flushes=" + flushes + " characters=" + characters
                    + " pending=" + pending + " must not be negative");
        }
    }
}
