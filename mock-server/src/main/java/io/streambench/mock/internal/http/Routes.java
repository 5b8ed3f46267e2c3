package io.streambench.mock.internal.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.streambench.mock.internal.wire.WireFormat;
import java.util.function.BiConsumer;

/**
 * Which path answers a request: each API's chat route with its own request decoder and wire format, the
 * admin routes, or 404. Shared by every connection of a server.
 */
final class Routes {

    /** The format of errors outside any API route: unreadable requests, unknown paths, admin routes. */
    static final WireFormat FALLBACK_FORMAT = WireFormat.chatCompletions();

    private final ChatRoute chatCompletions;
    private final ChatRoute responses;
    private final ChatRoute completions;
    private final ChatRoute messages;
    private final ChatRoute gemini;
    private final AdminRoutes admin;

    Routes(ServerState state) {
        Admission admission = new Admission(state.profiles(), state.rateLimiter(), state.faultCounters(),
                state.models());
        this.chatCompletions = new ChatRoute(state.stats(), admission, Provider.OPENAI,
                (body, uri) -> ChatRequestDecoder.decode(body), WireFormat.chatCompletions(), state.recorder());
        this.responses = new ChatRoute(state.stats(), admission, Provider.OPENAI,
                (body, uri) -> ResponsesRequestDecoder.decode(body), WireFormat.responses(), state.recorder());
        this.completions = new ChatRoute(state.stats(), admission, Provider.OPENAI,
                (body, uri) -> CompletionsRequestDecoder.decode(body), WireFormat.completions(), state.recorder());
        this.messages = new ChatRoute(state.stats(), admission, Provider.ANTHROPIC, MessagesRequestDecoder::decode,
                WireFormat.messages(), state.recorder());
        this.gemini = new ChatRoute(state.stats(), admission, Provider.GOOGLE, GeminiRequestDecoder::decode,
                WireFormat.gemini(), state.recorder());
        this.admin = new AdminRoutes(state);
    }

    void route(Exchange x, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        HttpMethod m = request.method();
        boolean post = m.equals(HttpMethod.POST);
        boolean get = m.equals(HttpMethod.GET) || m.equals(HttpMethod.HEAD);
        switch (path) {
            case "/v1/chat/completions", "/chat/completions" -> answer(x, request, path, post, "POST", chatCompletions::answer);
            case "/v1/responses", "/responses" -> answer(x, request, path, post, "POST", responses::answer);
            case "/v1/completions", "/completions" -> answer(x, request, path, post, "POST", completions::answer);
            // The Anthropic SDKs add /v1/messages to their base URL; /messages serves a base URL ending in /v1.
            case "/v1/messages", "/messages" -> answer(x, request, path, post, "POST", messages::answer,
                    WireFormat.messages());
            case "/v1/models", "/models" -> answer(x, request, path, get, "GET", admin::models);
            case "/health" -> answer(x, request, path, get, "GET", admin::health);
            case "/stats" -> answer(x, request, path, get, "GET", admin::stats);
            case "/metrics" -> answer(x, request, path, get, "GET", admin::metrics);
            case "/records" -> answer(x, request, path, get, "GET", admin::records);
            case "/clock" -> answer(x, request, path, get, "GET", admin::clock);
            default -> other(x, request, path, post);
        }
    }

    /** Gemini's paths name the model, so they are matched, not looked up; the rest is 404 with a hint. */
    private void other(Exchange x, FullHttpRequest request, String path, boolean post) {
        String method = request.method().name();
        if (GeminiRequestDecoder.Path.parse(path) != null) {
            answer(x, request, path, post, "POST", gemini::answer, WireFormat.gemini());
        } else if (path.endsWith("/messages")) {
            x.refuse(ErrorCatalogue.unknownApiUrl(method, path, "Anthropic Messages is served at /v1/messages: "
                    + "give the Anthropic SDKs the server's base URL without /v1 (they add /v1/messages)."),
                    WireFormat.messages());
        } else if (path.contains(":streamGenerateContent") || path.contains(":generateContent")) {
            x.refuse(ErrorCatalogue.unknownApiUrl(method, path, "Gemini is served at "
                    + "/v1beta/models/{model}:streamGenerateContent?alt=sse and :generateContent (also under /v1/): "
                    + "give the Gemini SDKs the server's base URL without a version (they add it)."),
                    WireFormat.gemini());
        } else {
            x.refuse(ErrorCatalogue.unknownUrl(method, path), FALLBACK_FORMAT);
        }
    }

    /** Answers through {@code route} when the method is allowed, else 405 naming {@code allow}. */
    private static void answer(Exchange x, FullHttpRequest request, String path, boolean allowed, String allow,
            BiConsumer<Exchange, FullHttpRequest> route) {
        answer(x, request, path, allowed, allow, route, FALLBACK_FORMAT);
    }

    /** ... with the 405 in {@code format}'s words. */
    private static void answer(Exchange x, FullHttpRequest request, String path, boolean allowed, String allow,
            BiConsumer<Exchange, FullHttpRequest> route, WireFormat format) {
        if (allowed) {
            route.accept(x, request);
        } else {
            x.refuse(ErrorCatalogue.methodNotAllowed(request.method().name(), path, allow), format);
        }
    }
}
