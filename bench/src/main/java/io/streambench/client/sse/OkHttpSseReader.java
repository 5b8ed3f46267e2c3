package io.streambench.client.sse;

import io.streambench.client.Api;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import okhttp3.internal.sse.ServerSentEventReader;
import okio.BufferedSource;
import okio.Okio;

/**
 * {@code okhttp-sse}, a reference reader: the reader inside OkHttp's SSE support
 * ({@code com.squareup.okhttp3:okhttp-sse} 4.12.0, {@code okhttp3.internal.sse.ServerSentEventReader},
 * what {@code EventSources.createFactory(client)} and {@code EventSources.processResponse} run for
 * every stream, on the thread that reads the body), so users can compare it with the strategies
 * here. It stands for Java and Kotlin clients built on OkHttp's {@code EventSource}, which many
 * OpenAI-compatible Java clients use.
 *
 * <p>Bridging, exactly: the body is wrapped as {@code Okio.buffer(Okio.source(inputStream))}, as
 * OkHttp's response body is; {@code onEvent(id, type, data)} data goes through the same JSON step
 * as {@code lines-streaming} ({@link EventJson}), with the event's type, so a comparison isolates OkHttp's
 * framing. Two differences from the spec are the library's own and are kept: <b>comments are
 * dropped</b> (it skips unknown lines, so {@code : t=} stamps never reach the listener:
 * {@link ParserStrategy#reportsComments}), and after a CR it waits for the next byte to tell CR from
 * CRLF, so an event ended by a bare CR is delivered with the next read. Two are bridged: a leading
 * BOM is dropped before the reader sees it (OkHttp would skip the first line as unknown and lose
 * the first event), and a body that ends in a bare CR gets an LF at its end, making it a CRLF, the
 * same line end. Without that the reader never returns: at end of input {@code select} answers -1
 * for a lone CR, and the unknown-line branch then skips zero bytes and asks again, forever (seen
 * with 4.12.0).
 */
final class OkHttpSseReader implements BlockingSseReader {

    private final EventJson json;

    OkHttpSseReader(Api api, SseListener listener) {
        this.json = new EventJson(api, listener, false);
    }

    @Override
    public void readAll(InputStream body, LongSupplier arrivalNanos) {
        BufferedSource source = Okio.buffer(Okio.source(new LfAfterFinalCr(new WithoutLeadingBom(body))));
        ServerSentEventReader reader = new ServerSentEventReader(source, new ServerSentEventReader.Callback() {
            @Override
            public void onEvent(String id, String type, String data) {
                json.decode(type, data, arrivalNanos.getAsLong());
            }

            @Override
            public void onRetryChange(long timeMs) {
                // Reconnection is the transport's business, not the parser's.
            }
        });
        try {
            while (reader.processNextEvent()) {
                // One event per call; the callback has delivered it.
            }
        } catch (IOException | IllegalArgumentException endedMidLine) {
            // okio throws when the body ends inside a line; the unterminated event is dropped,
            // as RealEventSource does when the body ends.
        }
        json.end(arrivalNanos.getAsLong());
    }

    /** Adds an LF when the body's last byte is a CR (see the class comment: the reader would spin). */
    private static final class LfAfterFinalCr extends InputStream {
        private final InputStream in;
        private boolean lastWasCr;
        private boolean lfAdded;

        LfAfterFinalCr(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                lastWasCr = b == '\r';
                return b;
            }
            return endOfBody() ? '\n' : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n = in.read(into, offset, length);
            if (n > 0) {
                lastWasCr = into[offset + n - 1] == '\r';
                return n;
            }
            if (n == 0) {
                return 0;
            }
            if (endOfBody()) {
                into[offset] = '\n';
                return 1;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private boolean endOfBody() {
            if (lastWasCr && !lfAdded) {
                lfAdded = true;
                lastWasCr = false;
                return true;
            }
            return false;
        }
    }
}
