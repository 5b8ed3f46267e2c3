package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * {@code bytes-jackson}'s JSON step: a Jackson streaming parser created per event over the
 * event's bytes (no {@code String}, no tree), read into a reused {@link ChunkScratch}. Creating
 * the parser is most of what it allocates per event.
 */
final class JacksonEventDecoder implements EventDecoder {

    private final SseListener listener;
    private final ChunkAssembler assembler;

    JacksonEventDecoder(SseListener listener, ChunkScratch scratch) {
        this.listener = listener;
        this.assembler = new ChunkAssembler(scratch);
    }

    @Override
    public void decode(byte[] bytes, int length, long arrivalNanos) {
        if (EventBytes.isDone(bytes, 0, length)) {
            listener.onDone(arrivalNanos);
            return;
        }
        try (JsonParser parser = Json.FACTORY.createParser(bytes, 0, length)) {
            assembler.readValue(parser);
        } catch (IOException | RuntimeException e) {
            listener.onError(StreamError.malformed(MalformedDataException.reason(e)), arrivalNanos);
            return;
        }
        assembler.scratch().emitTo(listener, arrivalNanos);
    }
}
