package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonFactory;

/** The one Jackson factory the streaming strategies share; thread-safe, with recycled buffers. */
final class Json {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }
}
