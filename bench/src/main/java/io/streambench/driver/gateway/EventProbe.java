package io.streambench.driver.gateway;

import io.netty.buffer.ByteBuf;
import io.streambench.client.sse.SseParser;
import io.streambench.driver.AttemptTap;
import io.streambench.mock.record.SseEventScanner;
import io.streambench.mock.record.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's side of one tagged attempt: the body with its tag, when it was sent, and each SSE event as it came
 * off the socket (its read's arrival, data size and hash, found by the same {@link SseEventScanner} the mock
 * uses). It feeds the parser one event at a time, so that it knows in which event the first token was. Written on
 * the attempt's event loop; read after the attempt ended (its row, put into a concurrent map after the last
 * write, orders the two).
 */
final class EventProbe implements AttemptTap.Probe {

    /** Data bytes kept per event when the tag asks to keep them. */
    private static final int KEEP_BYTES = 64 * 1024;
    /**
     * Reads closer than this are one delivery: the kernel hands one arrival of bytes over in as many reads as the
     * client's read buffer needs, back to back (a few microseconds apart), while separate deliveries of a paced
     * stream are a write's spacing apart.
     */
    static final long SAME_DELIVERY_NANOS = 50_000;

    private final Tag tag;
    private final byte[] body;
    private final AtomicLong budget;
    private final SseEventScanner scanner;
    private long sendNanos = -1;
    /** Allocated at the first event kept: a request beyond the budget costs no arrays. */
    private long[] arrivals = new long[0];
    private int[] sizes = new int[0];
    private long[] hashes = new long[0];
    private int[] deliveries = new int[0];
    private int delivery;
    private long lastReadNanos = Long.MIN_VALUE;
    private final List<String> data;
    private int count;
    private int current = -1;
    private int firstTokenEvent = -1;
    private boolean overBudget;

    /** @param budget events all probes may still keep; when it runs out, events are no longer kept */
    EventProbe(Tag tag, byte[] body, AtomicLong budget) {
        this.tag = tag;
        this.body = body;
        this.budget = budget;
        this.scanner = new SseEventScanner(tag.keep() ? KEEP_BYTES : 0);
        this.data = tag.keep() ? new ArrayList<>() : null;
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public void sent(long nanos) {
        sendNanos = nanos;
    }

    @Override
    public void read(ByteBuf content, long arrivalNanos, SseParser parser) {
        if (arrivalNanos - lastReadNanos > SAME_DELIVERY_NANOS) {
            delivery++;
        }
        lastReadNanos = arrivalNanos;
        int at = content.readerIndex();
        int to = content.writerIndex();
        int end;
        while ((end = scanner.next(content, at, to)) >= 0) {
            event(arrivalNanos);
            current = count - 1; // what the parser finds in these bytes belongs to this event
            feed(parser, content, at, end, arrivalNanos);
            at = end;
        }
        if (at < to) {
            current = count;
            feed(parser, content, at, to, arrivalNanos);
        }
    }

    private static void feed(SseParser parser, ByteBuf content, int from, int to, long arrivalNanos) {
        if (content.hasArray()) {
            parser.feed(content.array(), content.arrayOffset() + from, to - from, arrivalNanos);
        } else {
            parser.feed(content.slice(from, to - from), arrivalNanos);
        }
    }

    private void event(long arrivalNanos) {
        if (overBudget || budget.decrementAndGet() < 0) {
            overBudget = true;
            count++;
            return;
        }
        if (count == arrivals.length) {
            int n = Math.max(16, count * 2);
            arrivals = Arrays.copyOf(arrivals, n);
            sizes = Arrays.copyOf(sizes, n);
            hashes = Arrays.copyOf(hashes, n);
            deliveries = Arrays.copyOf(deliveries, n);
        }
        arrivals[count] = arrivalNanos;
        deliveries[count] = delivery;
        sizes[count] = scanner.dataBytes();
        hashes[count] = scanner.hash();
        if (data != null) {
            data.add(new String(scanner.data(), StandardCharsets.UTF_8));
        }
        count++;
    }

    @Override
    public void firstToken() {
        if (firstTokenEvent < 0) {
            firstTokenEvent = current;
        }
    }

    /** What the client saw, once the attempt ended. */
    ClientSide side() {
        int kept = overBudget ? 0 : count;
        return new ClientSide(tag.id(), tag.setting("fault"), sendNanos, Arrays.copyOf(arrivals, kept),
                Arrays.copyOf(sizes, kept), Arrays.copyOf(hashes, kept), Arrays.copyOf(deliveries, kept), data == null ? List.of() : List.copyOf(data),
                firstTokenEvent, count, overBudget);
    }
}
