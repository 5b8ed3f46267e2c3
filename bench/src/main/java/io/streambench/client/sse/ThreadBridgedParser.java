package io.streambench.client.sse;

/**
 * A {@link BlockingSseReader} as an {@link SseParser}: the reader runs on its own thread behind a
 * {@link LockstepPipe} and sees exactly the reads that are fed, one at a time. This is how the
 * reference libraries ({@code okhttp-sse}, {@code launchdarkly}) take pushed bytes, for the
 * driver's Netty client and the conformance suite; it costs two thread hand-offs per read, which
 * their own users, who read on a blocking thread of their own, do not pay
 * ({@code SseParserBenchmark.readBlocking} measures the libraries that way).
 */
final class ThreadBridgedParser implements SseParser {

    private final LockstepPipe pipe;
    // Written by the feeding thread before a hand-off, read by the reader thread after it: the
    // pipe's lock orders the two.
    private long arrivalNanos;

    ThreadBridgedParser(BlockingSseReader reader) {
        this.pipe = new LockstepPipe(in -> reader.readAll(in, () -> arrivalNanos));
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        pipe.feed(bytes, offset, length);
    }

    @Override
    public void end(long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        pipe.end();
    }
}
