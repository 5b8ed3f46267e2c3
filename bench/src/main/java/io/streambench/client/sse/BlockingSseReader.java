package io.streambench.client.sse;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * A reference SSE library run as its users run it: a blocking reader that pulls a whole response
 * body from an {@link InputStream} on the calling thread (a thread of the user's own) and reports
 * what it finds to the {@link SseListener} it was created with. One instance per stream; create
 * them with {@link ParserStrategy#createBlocking}.
 *
 * <p>The same readers also serve as the {@code okhttp-sse} and {@code launchdarkly}
 * {@link SseParser}s, where bytes are pushed: there each runs on a reader thread behind a
 * {@link LockstepPipe}, which costs two thread hand-offs per read. This interface is the way to
 * measure the libraries without that bridge.
 *
 * <pre>{@code
 * BlockingSseReader reader = ParserStrategy.OKHTTP_SSE.createBlocking(Api.MESSAGES, listener, MalformedPolicy.SKIP);
 * reader.readAll(response.body().byteStream(), System::nanoTime);   // returns at end of body
 * }</pre>
 */
public interface BlockingSseReader {

    /**
     * Reads {@code body} to its end. Every listener call carries {@code arrivalNanos} as read when
     * the library hands the event over. An event left unterminated at the end is dropped, as the
     * spec says; the body is not closed.
     */
    void readAll(InputStream body, LongSupplier arrivalNanos) throws IOException;
}
