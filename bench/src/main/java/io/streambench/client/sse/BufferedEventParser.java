package io.streambench.client.sse;

/**
 * A byte-level parser that collects each event's data and decodes it once the event is complete:
 * {@link SseByteScanner} for the framing, {@link EventBytes} for the data, and an
 * {@link EventDecoder} for the JSON ({@code bytes-jackson} or {@code bytes-scan}).
 */
final class BufferedEventParser implements SseParser, SseByteScanner.Sink {

    private final SseListener listener;
    private final EventDecoder decoder;
    private final SseByteScanner scanner = new SseByteScanner(this);
    private final EventBytes data = new EventBytes();
    private final CharSlice comment = new CharSlice(64);
    private long arrivalNanos;

    BufferedEventParser(SseListener listener, EventDecoder decoder) {
        this.listener = listener;
        this.decoder = decoder;
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        scanner.feed(bytes, offset, length);
    }

    @Override
    public void end(long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        scanner.end();
        data.clear();
    }

    @Override
    public void onDataLine() {
        data.startLine();
    }

    @Override
    public void onData(byte[] bytes, int offset, int length) {
        data.append(bytes, offset, length);
    }

    @Override
    public void onComment(byte[] bytes, int offset, int length) {
        Utf8.decode(bytes, offset, length, comment);
        listener.onComment(comment, arrivalNanos);
    }

    @Override
    public void onDispatch() {
        try {
            decoder.decode(data.array(), data.length(), arrivalNanos);
        } finally {
            data.clear();
        }
    }
}
