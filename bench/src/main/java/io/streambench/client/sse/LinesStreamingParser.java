package io.streambench.client.sse;

import io.streambench.client.Api;

/**
 * {@code lines-streaming}: the SDK's framing ({@code String} lines, {@code String} data) with
 * the tree and the data binding replaced by a Jackson streaming parser per event. Shows what
 * the JSON step costs apart from the framing.
 */
final class LinesStreamingParser implements SseParser {

    private final Utf8LineReader reader;
    private final EventJson json;
    private long arrivalNanos;

    LinesStreamingParser(Api api, SseListener listener) {
        this.json = new EventJson(api, listener, false);
        SseLineFramer framer = new SseLineFramer(new SseLineFramer.Events() {
            @Override
            public void onEvent(String eventType, String data) {
                json.decode(eventType, data, arrivalNanos);
            }

            @Override
            public void onComment(String text) {
                listener.onComment(text, arrivalNanos);
            }
        });
        this.reader = new Utf8LineReader(framer::onLine);
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        reader.feed(bytes, offset, length);
    }

    @Override
    public void end(long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        reader.end();
        json.end(arrivalNanos);
    }
}
