package io.streambench.client.sse;

import com.launchdarkly.eventsource.CommentEvent;
import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.ErrorStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamEvent;
import com.launchdarkly.eventsource.StreamException;
import com.launchdarkly.logging.LDLogger;

import io.streambench.client.Api;
import java.io.InputStream;
import java.net.URI;
import java.util.function.LongSupplier;

/**
 * {@code launchdarkly}, a reference reader: LaunchDarkly's {@code okhttp-eventsource} 4.1.1,
 * whose parsing is done by its package-private {@code EventParser} (fields, comments, data
 * buffering) on top of {@code BufferedLineParser} (CR, LF, CRLF). It stands for clients that use
 * that library, a common SSE client for Java. It is driven through the public API, as a user
 * would: since 4.0 an {@code EventSource} is read synchronously on the caller's thread
 * ({@code readAnyEvent()}; {@code BackgroundEventSource} is the same loop on a worker thread),
 * here with a {@code ConnectStrategy} that hands over the given body instead of opening an HTTP
 * connection, and {@code ErrorStrategy.alwaysThrow()} so that the end of the body ends the loop
 * rather than starting a reconnect.
 *
 * <p>Bridging, exactly: a {@code MessageEvent}'s data goes through the same JSON step as
 * {@code lines-streaming} ({@link EventJson}), with its event name (the library says {@code message} for an
 * event without one, a name no dialect reads); a {@code CommentEvent} becomes a comment.
 * A leading BOM is dropped before the library sees it (it would read {@code \uFEFFdata} as an
 * unknown field and lose the first event).
 */
final class LaunchDarklyReader implements BlockingSseReader {

    private static final URI ORIGIN = URI.create("http://localhost/streambench");

    private final SseListener listener;
    private final EventJson json;

    LaunchDarklyReader(Api api, SseListener listener) {
        this.listener = listener;
        this.json = new EventJson(api, listener, false);
    }

    @Override
    public void readAll(InputStream body, LongSupplier arrivalNanos) {
        EventSource source = new EventSource.Builder(new GivenStream(new WithoutLeadingBom(body)))
                .errorStrategy(ErrorStrategy.alwaysThrow())
                .build();
        try (source) {
            while (true) {
                StreamEvent event = source.readAnyEvent();
                if (event instanceof MessageEvent message) {
                    json.decode(message.getEventName(), message.getData(), arrivalNanos.getAsLong());
                } else if (event instanceof CommentEvent comment) {
                    listener.onComment(comment.getText(), arrivalNanos.getAsLong());
                }
            }
        } catch (StreamException endOfBody) {
            // StreamClosedByServerException: the body ended; an unterminated event is dropped.
        }
        json.end(arrivalNanos.getAsLong());
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
                    // Nothing to close: the body belongs to the caller.
                }
            };
        }
    }
}
