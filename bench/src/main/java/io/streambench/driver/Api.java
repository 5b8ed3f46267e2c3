package io.streambench.driver;

import java.net.URI;
import java.util.Locale;

/**
 * The streaming HTTP APIs the driver speaks, each with the path it appends to a base URL, as the OpenAI SDKs
 * append {@code /chat/completions} to their {@code base_url}. Today: chat completions only.
 *
 * <pre>{@code
 * URI url = Api.CHAT_COMPLETIONS.resolve(URI.create("http://127.0.0.1:8080/v1"));
 * // http://127.0.0.1:8080/v1/chat/completions
 * }</pre>
 */
public enum Api {

    /** OpenAI-compatible {@code POST .../chat/completions} with {@code stream: true}. */
    CHAT_COMPLETIONS("/chat/completions");

    private final String pathSuffix;

    Api(String pathSuffix) {
        this.pathSuffix = pathSuffix;
    }

    /** The path this API appends to a base URL, such as {@code /chat/completions}. */
    public String pathSuffix() {
        return pathSuffix;
    }

    /**
     * The endpoint URL for what a user typed: a URL whose path already ends in a known endpoint (of any API,
     * with or without a trailing slash) is kept as given; any other http(s) URL is taken as a base URL and gets
     * this API's path appended after its own path, trailing slashes dropped ({@code http://h/v1/} and
     * {@code http://h/v1} both become {@code http://h/v1/chat/completions}; a bare {@code http://h:8080}
     * becomes {@code http://h:8080/chat/completions}, as with the SDKs). The query string is kept; a fragment,
     * never sent, is dropped. Anything that is not an absolute http(s) URL with a host is returned as is, for
     * {@link Target} to refuse with its own message.
     */
    public URI resolve(URI given) {
        String scheme = given.getScheme() == null ? "" : given.getScheme().toLowerCase(Locale.ROOT);
        if (given.isOpaque() || given.getRawAuthority() == null
                || !(scheme.equals("http") || scheme.equals("https"))) {
            return given;
        }
        String path = given.getRawPath() == null ? "" : given.getRawPath();
        String trimmed = stripTrailingSlashes(path);
        for (Api api : values()) {
            // the suffix starts with '/', so endsWith matches whole path segments only
            if (trimmed.endsWith(api.pathSuffix)) {
                return withoutFragment(given, path);
            }
        }
        return withoutFragment(given, trimmed + pathSuffix);
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static URI withoutFragment(URI given, String rawPath) {
        String query = given.getRawQuery() == null ? "" : "?" + given.getRawQuery();
        return URI.create(given.getScheme() + "://" + given.getRawAuthority() + rawPath + query);
    }
}
