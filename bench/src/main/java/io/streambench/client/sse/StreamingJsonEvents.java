package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * The JSON step for strategies that get each event's data as a {@code String}: a Jackson
 * streaming parser per event, read into a reused {@link ChunkScratch}. Shared by
 * {@code lines-streaming} and the two reference adapters, so that comparing those isolates
 * the SSE framing.
 */
final class StreamingJsonEvents {

    private final SseListener listener;
    private final ChunkAssembler assembler = new ChunkAssembler(new ChunkScratch());

    StreamingJsonEvents(SseListener listener) {
        this.listener = listener;
    }

    void onData(String data, long arrivalNanos) {
        if (data.startsWith("[DONE]")) {
            listener.onDone(arrivalNanos);
            return;
        }
        try (JsonParser parser = Json.FACTORY.createParser(data)) {
            assembler.readValue(parser);
        } catch (IOException | RuntimeException e) {
            listener.onError(StreamError.malformed(MalformedDataException.reason(e)), arrivalNanos);
            return;
        }
        assembler.scratch().emitTo(listener, arrivalNanos);
    }
}
