package io.streambench.mock.internal.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the server answers with: what any API's error body says ({@link ErrorCatalogue} phrases it,
 * the route's wire format spells it) and the headers that go with it.
 *
 * @param status the HTTP status
 * @param message the human-readable message
 * @param param the request field at fault, or null
 * @param code a machine-readable code, or null
 * @param headers extra response headers, in the order they are sent
 */
record ErrorReply(int status, String message, String param, String code, Map<String, String> headers) {

    ErrorReply {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    ErrorReply(int status, String message, String param, String code) {
        this(status, message, param, code, Map.of());
    }
}
