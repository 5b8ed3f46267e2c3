package io.streambench.client.sse;

import io.streambench.client.Api;

/**
 * The JSON step for client libraries that do the SSE framing themselves and hand over each event's data as a
 * {@code String} (OkHttp's {@code EventSource}, Spring's {@code ServerSentEvent}): the same reading as
 * {@code lines-streaming} ({@link EventJson}), so a comparison of those libraries isolates their framing and
 * threads. One per stream; not thread-safe.
 *
 * <pre>{@code
 * EventDataReader reader = new EventDataReader(Api.CHAT, listener);
 * reader.decode(type, data, System.nanoTime());   // per event the library delivers
 * reader.end(System.nanoTime());                   // once, when the body ended
 * }</pre>
 */
public final class EventDataReader {

    private final EventJson json;

    public EventDataReader(Api api, SseListener listener) {
        this.json = new EventJson(api, listener, false);
    }

    /** Decodes one event: its {@code event:} name (null for none) and its data. */
    public void decode(String eventName, String data, long arrivalNanos) {
        json.decode(eventName, data, arrivalNanos);
    }

    /** The body ended (a Gemini stream reports its end here). */
    public void end(long arrivalNanos) {
        json.end(arrivalNanos);
    }
}
