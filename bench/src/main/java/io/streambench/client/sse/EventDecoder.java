package io.streambench.client.sse;

/** The JSON step of a {@link BufferedEventParser}: one complete event's data, as bytes, to listener calls. */
interface EventDecoder {

    /** Decodes {@code bytes[0, length)}; reports malformed data as an error event, never throws. */
    void decode(byte[] bytes, int length, long arrivalNanos);
}
