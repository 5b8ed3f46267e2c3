package io.streambench.client.sse;

import com.launchdarkly.eventsource.CommentEvent;
import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.ErrorStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamEvent;
import com.launchdarkly.eventsource.StreamException;
import com.launchdarkly.logging.LDLogger;

import java.io.InputStream;
import java.net.URI;

/**
 * {@code launchdarkly}, a reference adapter: LaunchDarkly's {@code okhttp-eventsource} 4.1.1,
 * whose parsing is done by its package-private {@code EventParser} (fields, comments, data
 * buffering) on top of {@code BufferedLineParser} (CR, LF, CRLF). It stands for clients that use
 * that library, a common SSE client for Java. It is driven through the public API, as a user
 * would: an {@code EventSource} in pull mode ({@code readAnyEvent()}) whose
 * {@code ConnectStrategy} hands over this stream instead of opening an HTTP connection, with
 * {@code ErrorStrategy.alwaysThrow()} so that the end of the body ends the loop rather than
 * starting a reconnect.
 *
 * <p>Bridging, exactly: {@code readAnyEvent()} blocks on an {@code InputStream}, so it runs on its
 * own thread behind a {@link LockstepPipe}; a {@code MessageEvent}'s data goes through the same
 * JSON step as {@code lines-streaming} ({@link StreamingJsonEvents}); a {@code CommentEvent}
 * becomes a comment. A leading BOM is dropped before the library sees it (it would read
 * {@code \uFEFFdata} as an unknown field and lose the first event).
 */
final class LaunchDarklyParser implements SseParser {

    private static final URI ORIGIN = URI.create("http://localhost/streambench");

    private final LeadingBom bom = new LeadingBom();
    private final LockstepPipe pipe;
    private final LeadingBom.Target toPipe;
    // Ordered by the pipe's lock, as in OkHttpSseParser.
    private long arrivalNanos;

    LaunchDarklyParser(SseListener listener) {
        StreamingJsonEvents json = new StreamingJsonEvents(listener);
        this.pipe = new LockstepPipe(in -> {
            EventSource source = new EventSource.Builder(new GivenStream(in))
                    .errorStrategy(ErrorStrategy.alwaysThrow())
                    .build();
            try (source) {
                while (true) {
                    StreamEvent event = source.readAnyEvent();
                    if (event instanceof MessageEvent message) {
                        json.onData(message.getData(), arrivalNanos);
                    } else if (event instanceof CommentEvent comment) {
                        listener.onComment(comment.getText(), arrivalNanos);
                    }
                }
            } catch (StreamException endOfBody) {
                // StreamClosedByServerException: the body ended; an unterminated event is dropped.
            }
        });
        this.toPipe = pipe::feed;
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        if (bom.settled()) {
            pipe.feed(bytes, offset, length);
        } else {
            bom.feed(bytes, offset, length, toPipe);
        }
    }

    @Override
    public void end(long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        pipe.end();
    }

    /** A connect strategy that "connects" to the stream it was given. */
    private static final class GivenStream extends ConnectStrategy {
        private final InputStream in;

        GivenStream(InputStream in) {
            this.in = in;
        }

        @Override
        public Client createClient(LDLogger logger) {
            return new Client() {
                @Override
                public Result connect(String lastEventId) {
                    return new Result(in, ORIGIN, null);
                }

                @Override
                public boolean awaitClosed(long timeoutMillis) {
                    return true;
                }

                @Override
                public URI getOrigin() {
                    return ORIGIN;
                }

                @Override
                public void close() {
                    // Nothing to close: the pipe belongs to the adapter.
                }
            };
        }
    }
}
