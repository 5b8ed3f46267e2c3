package io.streambench.client.sse;

/**
 * What a parser does after data it cannot read. Either way the listener first gets one
 * {@link StreamError.Kind#MALFORMED} error event for the bad SSE event, and no parser throws.
 */
public enum MalformedPolicy {
    /**
     * The default: report the bad event and go on with the next one. One corrupt event (a proxy
     * that cut a line, a provider bug) costs one event, not the answer, and the error count
     * still shows it.
     */
    SKIP,
    /**
     * Report the bad event, then deliver nothing more for this stream, the way the official SDKs
     * end the stream by throwing. The parser still consumes the bytes fed to it.
     */
    STOP
}
