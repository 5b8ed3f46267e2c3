package io.streambench.client;

import io.streambench.mock.Choice;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The streaming HTTP APIs (wire dialects) streambench speaks: the name a user types ({@link #label()}:
 * {@code chat}, {@code completions}, {@code responses}, {@code messages}, {@code gemini}, for {@code --api} and
 * JMH's {@code dialect}), the path each appends to a base URL as its official SDK does, and what its streams
 * look like on the wire. The parsers ({@code client.sse.ParserStrategy}) decode each; the driver sends to it.
 *
 * <pre>{@code
 * URI url = Api.CHAT.resolve(URI.create("http://127.0.0.1:8080/v1"), "gpt-4o");
 * // http://127.0.0.1:8080/v1/chat/completions
 * Api api = Api.named("messages");   // Api.MESSAGES
 * }</pre>
 */
public enum Api implements Choice {

    /** OpenAI-compatible chat completions, {@code POST .../chat/completions}: {@code data:} lines, {@code [DONE]}. */
    CHAT("/chat/completions", "/chat/completions", false, true),
    /** Legacy {@code POST .../completions} ({@code text_completion} chunks), as vLLM serves it: {@code data:} lines, {@code [DONE]}. */
    COMPLETIONS("/completions", "/completions", false, true),
    /** The OpenAI Responses API, {@code POST .../responses}: {@code event:} and {@code data:} lines, ends with {@code response.completed}. */
    RESPONSES("/responses", "/responses", true, true),
    /** Anthropic Messages, {@code POST /v1/messages}: {@code event:} and {@code data:} lines, ends with {@code message_stop}. */
    MESSAGES("/v1/messages", "/messages", true, true),
    /** Gemini {@code POST /v1beta/models/{model}:streamGenerateContent?alt=sse}: {@code data:} lines, CRLF, no end marker. */
    GEMINI("/v1beta/models/" + Api.MODEL + Api.GEMINI_METHOD, Api.GEMINI_METHOD, false, false);

    private static final String MODEL = "{model}";
    private static final String GEMINI_METHOD = ":streamGenerateContent";

    private final String pathSuffix;
    // How a path that already names this API's endpoint ends (Gemini: its last segment).
    private final String endpoint;
    private final boolean typedEvents;
    private final boolean endMarker;

    Api(String pathSuffix, String endpoint, boolean typedEvents, boolean endMarker) {
        this.pathSuffix = pathSuffix;
        this.endpoint = endpoint;
        this.typedEvents = typedEvents;
        this.endMarker = endMarker;
    }

    /** Every label, in declaration order. */
    public static List<String> labels() {
        return Choice.labels(Api.class);
    }

    /** The API labelled {@code label}; for an unknown one a {@link io.streambench.mock.UsageException} lists the labels. */
    public static Api named(String label) {
        return Choice.named(Api.class, "api", label);
    }

    /** The path this API appends to a base URL, such as {@code /chat/completions}; Gemini's holds {@code {model}}. */
    public String pathSuffix() {
        return pathSuffix;
    }

    /** True when every event has an {@code event:} line naming it (Responses, Anthropic Messages). */
    public boolean typedEvents() {
        return typedEvents;
    }

    /**
     * True when the stream says where it ends ({@code [DONE]}, {@code message_stop}, {@code response.completed});
     * false for Gemini, whose answer ends with the body.
     */
    public boolean endMarker() {
        return endMarker;
    }

    /**
     * The endpoint URL for what a user typed, as the API's SDK builds it from a base URL. A URL whose path
     * already ends in a known endpoint (of any API, with or without a trailing slash) is kept as given; any
     * other http(s) URL is taken as a base URL and gets this API's path appended after its own path, trailing
     * slashes dropped ({@code http://h/v1/} and {@code http://h/v1} both become
     * {@code http://h/v1/chat/completions}; a bare {@code http://h:8080} becomes
     * {@code http://h:8080/chat/completions}, as with the OpenAI SDKs). The Anthropic and Gemini SDKs take the
     * server's URL without a version and add their own ({@code /v1/messages};
     * {@code /v1beta/models/MODEL:streamGenerateContent}, with {@code alt=sse} added to the query). The query
     * string is kept; a fragment, never sent, is dropped. Anything that is not an absolute http(s) URL with a
     * host is returned as is, for the driver to refuse with its own message.
     *
     * @param model the model, which Gemini puts in the path (the other APIs ignore it)
     */
    public URI resolve(URI given, String model) {
        String scheme = given.getScheme() == null ? "" : given.getScheme().toLowerCase(Locale.ROOT);
        if (given.isOpaque() || given.getRawAuthority() == null
                || !(scheme.equals("http") || scheme.equals("https"))) {
            return given;
        }
        String path = given.getRawPath() == null ? "" : given.getRawPath();
        String trimmed = stripTrailingSlashes(path);
        if (isEndpoint(trimmed)) {
            return withoutFragment(given, path, given.getRawQuery());
        }
        if (this != GEMINI) {
            return withoutFragment(given, trimmed + pathSuffix, given.getRawQuery());
        }
        String query = given.getRawQuery() == null ? "alt=sse" : given.getRawQuery() + "&alt=sse";
        return withoutFragment(given, trimmed + pathSuffix.replace(MODEL, model), query);
    }

    /**
     * This API's endpoint on a server at {@code origin} ({@code scheme://host:port}, no path) as its official SDK
     * calls it: the OpenAI APIs under {@code /v1} ({@code /v1/chat/completions}), Anthropic's
     * {@code /v1/messages}, Gemini's {@code /v1beta/models/MODEL:streamGenerateContent?alt=sse}. The embedded
     * mock serves each there.
     */
    public URI onServer(String origin, String model) {
        boolean openAi = this == CHAT || this == COMPLETIONS || this == RESPONSES;
        return resolve(URI.create(origin + (openAi ? "/v1" : "")), model);
    }

    /**
     * The API whose endpoint the path of {@code url} already names ({@code .../chat/completions},
     * {@code .../messages}, {@code .../models/m:streamGenerateContent}...), trailing slashes aside; null for a
     * base URL, or anything that is not an absolute http(s) URL. {@link #resolve} keeps such a URL as given.
     */
    public static Api ofEndpoint(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.isOpaque() || url.getRawAuthority() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return null;
        }
        return endpointOf(stripTrailingSlashes(url.getRawPath() == null ? "" : url.getRawPath()));
    }

    private static boolean isEndpoint(String path) {
        return endpointOf(path) != null;
    }

    private static Api endpointOf(String path) {
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        if (lastSegment.endsWith(GEMINI.endpoint) && lastSegment.length() > GEMINI.endpoint.length()) {
            return GEMINI;
        }
        // declaration order: chat's /chat/completions before the /completions it ends with
        for (Api api : values()) {
            // these endpoints start with '/', so endsWith matches whole path segments only
            if (api != GEMINI && path.endsWith(api.endpoint)) {
                return api;
            }
        }
        return null;
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static URI withoutFragment(URI given, String rawPath, String rawQuery) {
        String query = rawQuery == null ? "" : "?" + rawQuery;
        return URI.create(given.getScheme() + "://" + given.getRawAuthority() + rawPath + query);
    }
}
