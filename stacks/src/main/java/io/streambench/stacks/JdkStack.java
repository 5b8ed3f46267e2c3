package io.streambench.stacks;

import io.streambench.client.sse.SseParser;
import io.streambench.client.stack.ClientStack;
import io.streambench.client.stack.ClientStackProvider;
import io.streambench.client.stack.OpenStream;
import io.streambench.client.stack.StackSettings;
import io.streambench.client.stack.StreamEvents;
import io.streambench.client.stack.StreamRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * {@code jdk}: the JDK's {@link HttpClient} on HTTP/1.1, as its documentation shows for a body read as it comes:
 * {@code sendAsync} with a {@link HttpResponse.BodyHandler} whose {@link HttpResponse.BodySubscribers#fromSubscriber
 * subscriber} gets the body's buffers and feeds them to the {@code --parser} chosen, on the client's executor (its
 * default, a cached pool) after the selector thread read them. Nothing is tuned: one client, its own connection pool.
 */
public final class JdkStack implements ClientStack {

    /** Registered for {@link java.util.ServiceLoader}: {@code jdk}. */
    public static final class Provider implements ClientStackProvider {
        @Override
        public String name() {
            return "jdk";
        }

        @Override
        public String description() {
            return "JDK HttpClient, HTTP/1.1, sendAsync with a BodySubscriber of byte buffers feeding --parser";
        }

        @Override
        public boolean usesParser() {
            return true;
        }

        @Override
        public boolean seesComments() {
            return true;
        }

        @Override
        public ClientStack create(StackSettings settings) {
            return new JdkStack(settings);
        }
    }

    private final StackSettings settings;
    private final HttpClient client;

    JdkStack(StackSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    @Override
    public OpenStream open(StreamRequest request, StreamEvents events) {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.url())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream");
        request.headers().forEach(http::header);
        Body body = new Body(request, events);
        CompletableFuture<HttpResponse<Void>> sent = client.sendAsync(http.build(), body::handle);
        sent.whenComplete((response, error) -> {
            if (error != null) {
                body.failed(error);
            }
        });
        return () -> {
            body.cancel();
            sent.cancel(true);
        };
    }

    @Override
    public void close() {
        // HttpClient has close() from Java 21 on; on 17 its threads end once the client is unreachable and idle.
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort: the run is over
            }
        }
    }

    /** One response body, as the client's executor hands it over. */
    private final class Body implements Flow.Subscriber<List<ByteBuffer>> {
        private final StreamRequest request;
        private final StreamEvents events;
        private SseParser parser;
        private boolean errorBody;
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;
        private boolean ended;
        private byte[] scratch = new byte[0];

        Body(StreamRequest request, StreamEvents events) {
            this.request = request;
            this.events = events;
        }

        HttpResponse.BodySubscriber<Void> handle(HttpResponse.ResponseInfo info) {
            long now = System.nanoTime();
            String type = info.headers().firstValue("Content-Type").orElse(null);
            events.onResponse(info.statusCode(), type, name -> info.headers().firstValue(name).orElse(null), now);
            if (info.statusCode() / 100 == 2 && type != null
                    && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                parser = settings.parser().create(request.api(), events);
            } else {
                errorBody = true;
            }
            return HttpResponse.BodySubscribers.fromSubscriber(this);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            long now = System.nanoTime();
            for (ByteBuffer b : buffers) {
                int n = b.remaining();
                events.onBytes(n, now);
                if (parser != null) {
                    if (b.hasArray()) {
                        parser.feed(b.array(), b.arrayOffset() + b.position(), n, now);
                    } else {
                        if (scratch.length < n) {
                            scratch = new byte[n];
                        }
                        b.get(scratch, 0, n);
                        parser.feed(scratch, 0, n, now);
                    }
                } else if (errorBody && n > 0) {
                    byte[] text = new byte[Math.min(n, 200)];
                    b.get(text);
                    events.onErrorBody(new String(text, StandardCharsets.UTF_8));
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            failed(error);
        }

        @Override
        public void onComplete() {
            long now = System.nanoTime();
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
            }
            if (parser != null) {
                parser.end(now);
            }
            events.onComplete(now);
        }

        void failed(Throwable error) {
            long now = System.nanoTime();
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
            }
            events.onFailure(Failures.classify(error), Failures.line(error), now);
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
