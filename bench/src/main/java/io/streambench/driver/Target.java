package io.streambench.driver;

import io.streambench.client.Api;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where requests go and what they carry. The API key is sent as the API takes it
 * ({@link io.streambench.driver.dialect.ApiAuth}) and never appears in {@link #toString()}, logs or reports.
 *
 * @param url       the endpoint URL of {@code api}, http or https
 * @param headers   extra request headers, in order
 * @param apiKey    the API key, or null
 * @param requests  what the requests say: their source, body encoder and tokenizer
 * @param mockSeeds send {@code x-mock-seed} (derived from the run seed and request number) with each
 *                  request, so a mock target streams the same answers on every run
 * @param api       the API the requests speak (their bodies come from {@code requests}' encoder for it)
 */
public record Target(URI url, Map<String, String> headers, String apiKey, Requests requests, boolean mockSeeds,
        Api api) {

    public Target {
        if (url == null || url.getHost() == null) {
            throw new IllegalArgumentException("url must be absolute with a host, got " + url);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url must be http or https, got " + url);
        }
        if (requests == null || api == null) {
            throw new IllegalArgumentException("requests and api must not be null");
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
    }

    /** A chat completions target. */
    public Target(URI url, Map<String, String> headers, String apiKey, Requests requests, boolean mockSeeds) {
        this(url, headers, apiKey, requests, mockSeeds, Api.CHAT);
    }

    /** True for https. */
    public boolean tls() {
        return url.getScheme().equalsIgnoreCase("https");
    }

    /** The port, defaulted from the scheme. */
    public int port() {
        return url.getPort() > 0 ? url.getPort() : tls() ? 443 : 80;
    }

    /** Path and query, as sent on the request line. */
    public String pathAndQuery() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** The same target with a different URL (for example the embedded mock's, once bound). */
    public Target withUrl(URI newUrl) {
        return new Target(newUrl, headers, apiKey, requests, mockSeeds, api);
    }

    /**
     * The same target on another server, {@code origin} being its {@code scheme://host:port}: the path and query
     * kept (the embedded mock's URL, once its port is bound).
     */
    public Target withOrigin(String origin) {
        return withUrl(URI.create(origin + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())));
    }

    @Override
    public String toString() {
        return "Target[url=" + url + ", headers=" + headers.keySet() + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", requests=" + requests + ", mockSeeds=" + mockSeeds + ", api=" + api.label() + "]";
    }
}
