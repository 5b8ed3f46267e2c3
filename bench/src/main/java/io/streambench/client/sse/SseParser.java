package io.streambench.client.sse;

import io.netty.buffer.ByteBuf;

/**
 * Turns the bytes of one SSE response body, fed as they arrive and split anywhere, into
 * {@link SseListener} calls. One instance per stream; not thread-safe; create them with
 * {@link ParserStrategy#create}, for the stream's {@link io.streambench.client.Api}.
 *
 * <p>Framing follows the WHATWG event-stream rules: an optional UTF-8 BOM, CR, LF and CRLF line
 * ends (a CRLF may be split across reads), comments, {@code data} lines joined with LF, other
 * fields: {@code event} kept (it names the events of the Responses API and Anthropic Messages),
 * {@code id} and {@code retry} read and ignored, as the official SDKs ignore them. An event left
 * unterminated at {@link #end} is discarded, as the spec says.
 *
 * <p>Malformed data never escapes as an exception: it becomes an {@link StreamError.Kind#MALFORMED}
 * error event and parsing goes on with the next event (see {@link MalformedPolicy}).
 *
 * <pre>{@code
 * SseParser parser = ParserStrategy.named(name).create(Api.CHAT, listener);
 * // in the channel handler:
 * parser.feed(content, System.nanoTime());   // as many times as reads arrive
 * parser.end(System.nanoTime());             // once, on end of stream, error or cancel
 * }</pre>
 */
public interface SseParser {

    /**
     * Feeds {@code length} bytes. Everything the parser needs from them is read or copied before
     * it returns, so the caller may reuse or release the array at once.
     */
    void feed(byte[] bytes, int offset, int length, long arrivalNanos);

    /**
     * Feeds the buffer's readable bytes. Neither moves the buffer's indices nor releases it: the
     * caller still owns it.
     */
    default void feed(ByteBuf buf, long arrivalNanos) {
        if (buf.hasArray()) {
            feed(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes(), arrivalNanos);
        } else {
            DirectBytes.feed(this, buf, arrivalNanos);
        }
    }

    /**
     * Ends the stream: discards an unterminated event and frees what the parser holds (the
     * reference adapters stop their reader thread here). Call it exactly once, also on cancel. A Gemini
     * stream, which has no end marker, reports its end here ({@link SseListener#onEnd}) when a finish
     * reason came.
     */
    void end(long arrivalNanos);
}
