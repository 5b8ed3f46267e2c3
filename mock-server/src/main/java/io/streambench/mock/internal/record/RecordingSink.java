package io.streambench.mock.internal.record;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.streambench.mock.internal.stream.EventSink;
import io.streambench.mock.record.SseEventScanner;

/**
 * An {@link EventSink} that records, for a tagged request, each SSE event written through it and when it went to
 * the socket, then passes everything on. The session above it never knows: which API the events speak, how they
 * are paced or bent by faults, all of it is seen as bytes. An event's time is taken when the flush that sends it
 * begins (the flush writes to the socket at once on the event loop); events written and never flushed (a
 * connection aborted first) keep -1.
 */
public final class RecordingSink implements EventSink {

    private final EventSink next;
    private final RequestRecord record;
    private final SseEventScanner scanner;

    public RecordingSink(EventSink next, RequestRecord record) {
        this.next = next;
        this.record = record;
        this.scanner = new SseEventScanner(record.keep() ? 64 * 1024 : 0);
    }

    @Override
    public EventExecutor executor() {
        return next.executor();
    }

    @Override
    public boolean isWritable() {
        return next.isWritable();
    }

    @Override
    public ByteBuf buffer() {
        return next.buffer();
    }

    @Override
    public void write(ByteBuf events) {
        int at = events.readerIndex();
        int to = events.writerIndex();
        int end;
        while ((end = scanner.next(events, at, to)) >= 0) {
            record.event(scanner.dataBytes(), scanner.hash(), scanner.data());
            at = end;
        }
        next.write(events);
    }

    @Override
    public void flush() {
        record.flushed(System.nanoTime());
        next.flush();
    }

    @Override
    public void end() {
        long now = System.nanoTime();
        record.flushed(now); // the end flushes what is left
        record.ended("complete", now);
        next.end();
    }

    @Override
    public void abort(boolean reset) {
        record.ended(reset ? "reset" : "closed", System.nanoTime());
        next.abort(reset);
    }
}
