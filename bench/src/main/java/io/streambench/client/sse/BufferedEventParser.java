package io.streambench.client.sse;

/**
 * A byte-level parser that collects each event's data and decodes it once the event is complete:
 * {@link SseByteScanner} for the framing, {@link EventBytes} for the data, and {@link EventJson} for the
 * JSON, with Jackson alone ({@code bytes-jackson}) or a hand-written scan first ({@code bytes-scan}).
 */
final class BufferedEventParser implements SseParser, SseByteScanner.Sink {

    private final SseListener listener;
    private final EventJson json;
    private final SseByteScanner scanner = new SseByteScanner(this);
    private final EventBytes data = new EventBytes();
    private final CharSlice comment = new CharSlice(64);
    // Made at the first named event: a chat stream has none.
    private CharSlice eventName;
    private long arrivalNanos;

    BufferedEventParser(SseListener listener, EventJson json) {
        this.listener = listener;
        this.json = json;
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
        json.end(arrivalNanos);
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
    public void onDispatch(byte[] name, int nameLength) {
        try {
            if (nameLength >= 0 && eventName == null) {
                eventName = new CharSlice(32);
            }
            json.decode(EventBytes.name(name, nameLength, eventName), data.array(), data.length(), arrivalNanos);
        } finally {
            data.clear();
        }
    }
}
