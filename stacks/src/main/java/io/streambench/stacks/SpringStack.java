package io.streambench.stacks;

import io.netty.channel.ChannelOption;
import io.streambench.client.sse.EventDataReader;
import io.streambench.client.stack.ClientStack;
import io.streambench.client.stack.ClientStackProvider;
import io.streambench.client.stack.OpenStream;
import io.streambench.client.stack.StackSettings;
import io.streambench.client.stack.StreamEvents;
import io.streambench.client.stack.StreamRequest;
import java.time.Duration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * {@code spring}: Spring Framework 7's {@link WebClient} on Reactor Netty 1.3, decoding the stream as its reference
 * documentation shows: {@code bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})}, subscribed
 * once per stream. Events arrive on Reactor Netty's event loops (one per core), decoded by Spring's
 * {@code ServerSentEventHttpMessageReader}; each event's data goes to {@link EventDataReader}, the JSON step of
 * {@code lines-streaming}. {@code exchangeToFlux} instead of {@code retrieve}, so that an error status is reported
 * with its body rather than as an exception.
 *
 * <p>One setting differs from the defaults, as Reactor Netty's documentation says an application with many
 * concurrent requests must set it: the connection pool's {@code maxConnections} (by default twice the cores, at
 * least 16) and its queue of waiting acquisitions (twice that) are raised to {@link #MAX_STREAMS}, else the
 * seventeenth stream waits and the forty-ninth fails.
 */
public final class SpringStack implements ClientStack {

    /** Connections in the pool, and acquisitions waiting for one: more than any run here opens. */
    static final int MAX_STREAMS = 100_000;

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS =
            new ParameterizedTypeReference<>() { };

    /** Registered for {@link java.util.ServiceLoader}: {@code spring}. */
    public static final class Provider implements ClientStackProvider {
        @Override
        public String name() {
            return "spring";
        }

        @Override
        public String description() {
            return "Spring WebClient 7.0 on Reactor Netty 1.3, bodyToFlux(ServerSentEvent<String>), pool raised";
        }

        @Override
        public boolean usesParser() {
            return false;
        }

        @Override
        public boolean seesComments() {
            return true;
        }

        @Override
        public ClientStack create(StackSettings settings) {
            return new SpringStack(settings);
        }
    }

    private final ConnectionProvider pool;
    private final WebClient client;

    SpringStack(StackSettings settings) {
        pool = ConnectionProvider.builder("streambench")
                .maxConnections(MAX_STREAMS)
                .pendingAcquireMaxCount(MAX_STREAMS)
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        settings.connectTimeout().toMillis()));
        client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    @Override
    public OpenStream open(StreamRequest request, StreamEvents events) {
        EventDataReader reader = new EventDataReader(request.api(), events);
        Disposable subscription = client.post()
                .uri(request.url())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> request.headers().forEach(h::set))
                .bodyValue(request.body())
                .exchangeToFlux(response -> {
                    String type = response.headers().contentType().map(MediaType::toString).orElse(null);
                    events.onResponse(response.statusCode().value(), type,
                            name -> response.headers().asHttpHeaders().getFirst(name), System.nanoTime());
                    if (response.statusCode().is2xxSuccessful() && type != null
                            && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(MediaType.parseMediaType(type))) {
                        return response.bodyToFlux(EVENTS);
                    }
                    return response.bodyToMono(String.class)
                            .doOnNext(text -> events.onErrorBody(text.length() > 200 ? text.substring(0, 200) : text))
                            .thenMany(Flux.<ServerSentEvent<String>>empty());
                })
                .subscribe(event -> {
                    long now = System.nanoTime();
                    String comment = event.comment();
                    if (comment != null) {
                        // Spring joins an event's comment lines, each ended by a line feed
                        for (String line : comment.split("\n")) {
                            events.onComment(line.strip(), now);
                        }
                    }
                    if (event.data() != null) {
                        reader.decode(event.event(), event.data(), now);
                    }
                }, error -> {
                    long now = System.nanoTime();
                    events.onFailure(Failures.classify(error), Failures.line(error), now);
                }, () -> {
                    long now = System.nanoTime();
                    reader.end(now);
                    events.onComplete(now);
                });
        return subscription::dispose;
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
    }
}
