package io.streambench.client.sse;

/**
 * {@code bytes-scan}'s JSON step: {@link ChunkScanner}, a hand-written scan of the common chunk
 * shapes (role, content, finish reason, unknown scalar fields) straight from the bytes, and
 * {@link JacksonEventDecoder} for everything else (tool calls, usage, errors, anything unusual
 * or invalid), so that Jackson, not the scan, has the last word on what is malformed.
 */
final class ScanEventDecoder implements EventDecoder {

    private final SseListener listener;
    private final ChunkScratch scratch = new ChunkScratch();
    private final ChunkScanner scanner = new ChunkScanner(scratch);
    private final JacksonEventDecoder fallback;

    ScanEventDecoder(SseListener listener) {
        this.listener = listener;
        this.fallback = new JacksonEventDecoder(listener, scratch);
    }

    @Override
    public void decode(byte[] bytes, int length, long arrivalNanos) {
        if (!EventBytes.isDone(bytes, 0, length) && scanner.scan(bytes, 0, length)) {
            scratch.emitTo(listener, arrivalNanos);
        } else {
            fallback.decode(bytes, length, arrivalNanos);
        }
    }
}
