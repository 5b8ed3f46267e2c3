package io.streambench.mock.stats;

import java.util.Map;

/**
 * Everything the mock's {@code /stats} shows, as the driver copies it into {@code run.json}: the server's own
 * account of a run (streams, events, bytes, statuses, faults, pacing lateness), read with
 * {@code MockServer.stats()} in process or from {@code GET /stats} over HTTP.
 *
 * @param uptimeMs time since the server started
 * @param activeStreams streams open now
 * @param streamsStarted streams (streaming or not) begun
 * @param streamsCompleted streams that sent their last byte
 * @param streamsCancelled streams the client left
 * @param streamsFaulted streams ended early by an injected fault (error event, reset, close)
 * @param eventsSent SSE events written
 * @param bytesSent bytes of events written
 * @param streamsUnwritable times a stream started waiting for its channel to become writable (a slow reader)
 * @param unwritableMs time streams spent waiting for the socket to become writable
 * @param requests requests received (any path)
 * @param responsesByStatus responses started, by HTTP status
 * @param faults injected faults fired, by kind ({@code rate_limit} for a rate-limited request)
 * @param paceLatenessUs how late the paced writes were
 */
public record StatsSnapshot(
        long uptimeMs,
        long activeStreams,
        long streamsStarted,
        long streamsCompleted,
        long streamsCancelled,
        long streamsFaulted,
        long eventsSent,
        long bytesSent,
        long streamsUnwritable,
        long unwritableMs,
        long requests,
        Map<Integer, Long> responsesByStatus,
        Map<String, Long> faults,
        Lateness paceLatenessUs) {

    /** Pacing lateness (actual write time minus deadline) in microseconds, since start or the last reset. */
    public record Lateness(long count, double mean, double p50, double p90, double p99, double p999, double max) {
    }
}
