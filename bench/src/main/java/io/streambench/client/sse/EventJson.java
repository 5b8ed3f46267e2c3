package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import io.streambench.client.Api;

import java.io.IOException;

/**
 * The JSON step of the strategies that parse each event once it is complete: the dialect's
 * {@link EventGate}, its end marker, then a Jackson streaming parser created per event over the event's
 * bytes ({@code bytes-jackson}) or its {@code String} ({@code lines-streaming} and the reference adapters,
 * so that comparing those isolates the SSE framing), read into the dialect's reused {@link EventScratch}.
 * Creating the parser is most of what it allocates per event. With a hand-written {@link EventScanner}
 * ({@code bytes-scan}) the common events skip Jackson altogether.
 */
final class EventJson {

    private final Api api;
    private final SseListener listener;
    private final boolean endsWithDone;
    private final TokenAssembler<?> assembler;
    private final EventScanner scanner;

    /**
     * @param handScan whether common events are read by the dialect's hand-written scanner first
     */
    EventJson(Api api, SseListener listener, boolean handScan) {
        this.api = api;
        this.listener = listener;
        this.endsWithDone = EventGate.endsWithDone(api);
        this.assembler = Dialects.assembler(api);
        this.scanner = handScan ? Dialects.scanner(assembler.scratch()) : null;
    }

    /** Decodes one event's data, {@code bytes[0, length)}; reports malformed data as an error event, never throws. */
    void decode(CharSequence eventName, byte[] bytes, int length, long arrivalNanos) {
        if (!EventGate.decodes(api, eventName)) {
            return;
        }
        if (endsWithDone && EventBytes.isDone(bytes, 0, length)) {
            listener.onEnd(StreamEnd.DONE, arrivalNanos);
            return;
        }
        if (scanner == null || !scanner.scan(bytes, 0, length)) {
            try (JsonParser parser = Json.FACTORY.createParser(bytes, 0, length)) {
                assembler.readValue(parser);
            } catch (IOException | RuntimeException e) {
                malformed(e, arrivalNanos);
                return;
            }
        }
        assembler.scratch().emitTo(listener, eventName, arrivalNanos);
    }

    /** Decodes one event's data given as a {@code String}. */
    void decode(CharSequence eventName, String data, long arrivalNanos) {
        if (!EventGate.decodes(api, eventName)) {
            return;
        }
        if (endsWithDone && data.startsWith("[DONE]")) {
            listener.onEnd(StreamEnd.DONE, arrivalNanos);
            return;
        }
        try (JsonParser parser = Json.FACTORY.createParser(data)) {
            assembler.readValue(parser);
        } catch (IOException | RuntimeException e) {
            malformed(e, arrivalNanos);
            return;
        }
        assembler.scratch().emitTo(listener, eventName, arrivalNanos);
    }

    /** The body ended. */
    void end(long arrivalNanos) {
        assembler.scratch().endOfBody(listener, arrivalNanos);
    }

    private void malformed(Exception e, long arrivalNanos) {
        listener.onError(StreamError.malformed(MalformedDataException.reason(e)), arrivalNanos);
    }
}
