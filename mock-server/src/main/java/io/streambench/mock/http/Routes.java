package io.streambench.mock.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.streambench.mock.wire.WireFormat;
import java.util.function.BiConsumer;

/**
 * Which path answers a request: each API's chat route with its own request decoder and wire format, the
 * admin routes, or 404. Shared by every connection of a server.
 */
final class Routes {

    /** The format of errors outside any API route: unreadable requests, unknown paths, admin routes. */
    static final WireFormat FALLBACK_FORMAT = WireFormat.chatCompletions();

    private final ChatRoute chatCompletions;
    private final AdminRoutes admin;

    Routes(ServerState state) {
        Admission admission = new Admission(state.profiles(), state.rateLimiter(), state.faultCounters(),
                state.models());
        this.chatCompletions = new ChatRoute(state.stats(), admission, ChatRequestDecoder::decode,
                WireFormat.chatCompletions());
        this.admin = new AdminRoutes(state);
    }

    void route(Exchange x, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        HttpMethod m = request.method();
        boolean post = m.equals(HttpMethod.POST);
        boolean get = m.equals(HttpMethod.GET) || m.equals(HttpMethod.HEAD);
        switch (path) {
            case "/v1/chat/completions", "/chat/completions" -> answer(x, request, path, post, "POST", chatCompletions::answer);
            case "/v1/models", "/models" -> answer(x, request, path, get, "GET", admin::models);
            case "/health" -> answer(x, request, path, get, "GET", admin::health);
            case "/stats" -> answer(x, request, path, get, "GET", admin::stats);
            case "/metrics" -> answer(x, request, path, get, "GET", admin::metrics);
            default -> x.refuse(ErrorCatalogue.unknownUrl(m.name(), path), FALLBACK_FORMAT);
        }
    }

    /** Answers through {@code route} when the method is allowed, else 405 naming {@code allow}. */
    private static void answer(Exchange x, FullHttpRequest request, String path, boolean allowed, String allow,
            BiConsumer<Exchange, FullHttpRequest> route) {
        if (allowed) {
            route.accept(x, request);
        } else {
            x.refuse(ErrorCatalogue.methodNotAllowed(request.method().name(), path, allow), FALLBACK_FORMAT);
        }
    }
}
