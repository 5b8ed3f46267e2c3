package io.streambench.driver;

import io.streambench.driver.workload.PlannedRequest;

/**
 * Turns a {@link PlannedRequest} into the JSON body one API takes. Encoders are stateless and thread-safe: the
 * driver encodes off its event loops, ahead of each request's send.
 *
 * <pre>{@code
 * RequestEncoder chat = new ChatEncoder("gpt-4o-mini", true, 0);
 * byte[] body = chat.encode(source.plan(17));
 * }</pre>
 */
public interface RequestEncoder {

    /** The body of {@code request}, UTF-8 JSON. */
    byte[] encode(PlannedRequest request);
}
