package io.streambench.client.sse;

import okhttp3.internal.sse.ServerSentEventReader;
import okio.BufferedSource;
import okio.Okio;

/**
 * {@code okhttp-sse}, a reference adapter: the reader inside OkHttp's SSE support
 * ({@code com.squareup.okhttp3:okhttp-sse} 4.12.0, {@code okhttp3.internal.sse.ServerSentEventReader},
 * what {@code EventSources.createFactory(client)} runs for every stream), so users can compare
 * it with the strategies here. It stands for Java and Kotlin clients built on OkHttp's
 * {@code EventSource}, which many OpenAI-compatible Java clients use.
 *
 * <p>Bridging, exactly: the reader pulls from a blocking {@code BufferedSource} and keeps the
 * event in progress in local variables, so it runs on its own thread behind a
 * {@link LockstepPipe}, wrapped as {@code Okio.buffer(Okio.source(inputStream))}; its
 * {@code onEvent(id, type, data)} data goes through the same JSON step as {@code lines-streaming}
 * ({@link StreamingJsonEvents}), so a comparison isolates OkHttp's framing. Two differences from
 * the spec are the library's own and are kept: <b>comments are dropped</b> (it skips unknown
 * lines, so {@code : t=} stamps never reach the listener: {@link SseParsers#reportsComments}), and
 * after a CR it waits for the next byte to tell CR from CRLF, so an event ended by a bare CR is
 * delivered with the next read. Two are bridged: a leading BOM is dropped before the reader sees
 * it (OkHttp would skip the first line as unknown and lose the first event), and a body that ends
 * in a bare CR gets an LF at {@link #end}, making it a CRLF, the same line end. Without that the
 * reader never returns: at end of input {@code select} answers -1 for a lone CR, and the
 * unknown-line branch then skips zero bytes and asks again, forever (seen with 4.12.0).
 */
final class OkHttpSseParser implements SseParser {

    private static final byte[] LF = {'\n'};

    private final LeadingBom bom = new LeadingBom();
    private final LockstepPipe pipe;
    private final LeadingBom.Target toPipe;
    // Written by the feeding thread before a hand-off, read by the reader thread after it: the
    // pipe's lock orders the two.
    private long arrivalNanos;
    private boolean endsWithCr;

    OkHttpSseParser(SseListener listener) {
        StreamingJsonEvents json = new StreamingJsonEvents(listener);
        ServerSentEventReader.Callback callback = new ServerSentEventReader.Callback() {
            @Override
            public void onEvent(String id, String type, String data) {
                json.onData(data, arrivalNanos);
            }

            @Override
            public void onRetryChange(long timeMs) {
                // Reconnection is the transport's business, not the parser's.
            }
        };
        this.pipe = new LockstepPipe(in -> {
            BufferedSource source = Okio.buffer(Okio.source(in));
            ServerSentEventReader reader = new ServerSentEventReader(source, callback);
            try {
                while (reader.processNextEvent()) {
                    // One event per call; the callback has delivered it.
                }
            } catch (java.io.IOException | IllegalArgumentException endedMidLine) {
                // okio throws when the body ends inside a line; the unterminated event is dropped,
                // as RealEventSource does when the body ends.
            }
        });
        this.toPipe = pipe::feed;
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        if (length > 0) {
            endsWithCr = bytes[offset + length - 1] == '\r';
        }
        if (bom.settled()) {
            pipe.feed(bytes, offset, length);
        } else {
            bom.feed(bytes, offset, length, toPipe);
        }
    }

    @Override
    public void end(long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        if (endsWithCr) {
            pipe.feed(LF, 0, 1);
        }
        pipe.end();
    }
}
