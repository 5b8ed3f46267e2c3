package io.streambench.stacks;

import io.streambench.client.sse.EventDataReader;
import io.streambench.client.sse.SendStamps;
import io.streambench.client.stack.ClientStack;
import io.streambench.client.stack.ClientStackProvider;
import io.streambench.client.stack.OpenStream;
import io.streambench.client.stack.StackSettings;
import io.streambench.client.stack.StreamEvents;
import io.streambench.client.stack.StreamRequest;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import okio.BufferedSource;

/**
 * {@code okhttp}: OkHttp 4.12 with {@code okhttp-sse}'s {@link EventSource}, as its documentation shows: one
 * {@link OkHttpClient}, {@link EventSources#createFactory}, an {@link EventSourceListener} per stream. Each stream
 * holds a thread of the client's dispatcher for its whole life (the listener is called on it as the body is read),
 * and the dispatcher's executor is OkHttp's own cached pool.
 *
 * <p>Two settings differ from OkHttp's defaults, both as its documentation says an application that holds many
 * long streams must set them: the dispatcher's {@code maxRequests} (64) and {@code maxRequestsPerHost} (5) are
 * raised to {@link #MAX_STREAMS}, or a sixth stream to one host waits for one of the first five to end; and the
 * read timeout (10 s) is off, because the driver applies its own ttft, idle and total timeouts to every stack alike.
 * The event's data goes to {@link EventDataReader}, the JSON step of {@code lines-streaming}. OkHttp drops SSE
 * comments, so the send stamps are read from the body bytes ({@link OkHttpTap}).
 */
public final class OkHttpStack implements ClientStack {

    /** Streams the dispatcher runs at once, to one host or all: more than any run here opens. */
    static final int MAX_STREAMS = 100_000;

    private static final MediaType JSON = MediaType.get("application/json");

    /** Registered for {@link java.util.ServiceLoader}: {@code okhttp}. */
    public static final class Provider implements ClientStackProvider {
        @Override
        public String name() {
            return "okhttp";
        }

        @Override
        public String description() {
            return "OkHttp 4.12 + okhttp-sse EventSource: a dispatcher thread per stream, dispatcher limits raised";
        }

        @Override
        public boolean usesParser() {
            return false;
        }

        @Override
        public boolean seesComments() {
            return false;
        }

        @Override
        public ClientStack create(StackSettings settings) {
            return new OkHttpStack(settings);
        }
    }

    private final StackSettings settings;
    private final OkHttpClient client;
    private final EventSource.Factory factory;

    OkHttpStack(StackSettings settings) {
        this.settings = settings;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_STREAMS);
        dispatcher.setMaxRequestsPerHost(MAX_STREAMS);
        client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(Duration.ZERO)
                .addInterceptor(new OkHttpTap())
                .build();
        factory = EventSources.createFactory(client);
    }

    @Override
    public OpenStream open(StreamRequest request, StreamEvents events) {
        BodyLines lines = settings.sendStamps() ? new BodyLines() : null;
        Request.Builder http = new Request.Builder()
                .url(request.url().toString())
                .post(RequestBody.create(request.body(), JSON))
                .tag(OkHttpTap.Watch.class, new OkHttpTap.Watch(events, lines, false));
        request.headers().forEach(http::header);
        EventSource source = factory.newEventSource(http.build(), new Listener(request, events, lines));
        return source::cancel;
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static boolean eventStream(Response response) {
        String type = response.header("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream");
    }

    /** One stream's listener, on the dispatcher thread that reads its body. */
    private static final class Listener extends EventSourceListener {
        private final StreamEvents events;
        private final EventDataReader reader;
        private final BodyLines lines;

        Listener(StreamRequest request, StreamEvents events, BodyLines lines) {
            this.events = events;
            this.reader = new EventDataReader(request.api(), events);
            this.lines = lines;
        }

        @Override
        public void onOpen(EventSource source, Response response) {
            events.onResponse(response.code(), response.header("Content-Type"), response::header, System.nanoTime());
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            long now = System.nanoTime();
            if (lines != null) {
                long stamp = lines.nextStamp();
                if (stamp != SendStamps.NONE) {
                    events.onSendStamp(stamp, now);
                }
            }
            reader.decode(type, data, now);
        }

        @Override
        public void onClosed(EventSource source) {
            long now = System.nanoTime();
            reader.end(now);
            events.onComplete(now);
        }

        @Override
        public void onFailure(EventSource source, Throwable error, Response response) {
            long now = System.nanoTime();
            if (response != null && (!response.isSuccessful() || !eventStream(response))) {
                // A status or content type that is no event stream: the driver says what came, as for every stack.
                events.onResponse(response.code(), response.header("Content-Type"), response::header, now);
                ResponseBody body = response.body();
                if (body != null) {
                    try {
                        BufferedSource in = body.source();
                        in.request(200);
                        events.onErrorBody(in.getBuffer().clone().readUtf8(Math.min(200, in.getBuffer().size())));
                    } catch (IOException | IllegalStateException e) {
                        // the body could not be read: the status alone says what happened
                    }
                }
                events.onComplete(now);
                return;
            }
            events.onFailure(Failures.classify(error), Failures.line(error), now);
        }
    }
}
