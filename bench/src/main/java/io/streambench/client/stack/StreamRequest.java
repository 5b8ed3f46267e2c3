package io.streambench.client.stack;

import io.streambench.client.Api;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One streaming request, as every stack sends it: a POST of a JSON body to {@code url}.
 *
 * @param url     the full URL (http or https), as for the driver's Netty client
 * @param headers request headers in order (the API key among them); Content-Type and Accept are the stack's own
 * @param body    the JSON body, {@code "stream": true} included
 * @param api     the API whose stream comes back
 */
public record StreamRequest(URI url, Map<String, String> headers, byte[] body, Api api) {

    public StreamRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(api, "api");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
    }
}
