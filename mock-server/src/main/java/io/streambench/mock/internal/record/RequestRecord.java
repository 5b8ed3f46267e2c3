package io.streambench.mock.internal.record;

import io.streambench.mock.record.RecordView;
import io.streambench.mock.record.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's record of one tagged request while it is answered: written on the connection's event loop, copied
 * by {@link Recording#since} on any thread (hence synchronized; uncontended but for that copy).
 */
public final class RequestRecord {

    /** Events kept per record at most; later ones are only counted. */
    static final int MAX_EVENTS = 262_144;
    /** Bytes of event data kept per record at most, for tags that ask to keep it. */
    static final int MAX_KEPT_BYTES = 1 << 20;

    private final long seq;
    private final Tag tag;
    private final int attempt;
    private final long arrivalNanos;
    /** The recorder's count of events held, bounded across its records. */
    private final AtomicLong heldEvents;
    private String fault;
    private int status;
    private String end;
    private long endNanos = -1;
    private long[] times = new long[16];
    private int[] sizes = new int[16];
    private long[] hashes = new long[16];
    private final List<String> data;
    private int keptBytes;
    private int count;
    private int flushed;
    private int dropped;

    /** Made by {@link Recording#begin}, which counts the events it holds in {@code heldEvents}. */
    public RequestRecord(long seq, Tag tag, int attempt, long arrivalNanos, AtomicLong heldEvents) {
        this.seq = seq;
        this.tag = tag;
        this.attempt = attempt;
        this.arrivalNanos = arrivalNanos;
        this.heldEvents = heldEvents;
        this.data = tag.keep() ? new ArrayList<>() : null;
    }

    /** The tag that named the request. */
    public Tag tag() {
        return tag;
    }

    /** 1 for the first request with this tag, more for repeats (a gateway's retries). */
    public int attempt() {
        return attempt;
    }

    /** Whether the tag asked to keep each event's data. */
    public boolean keep() {
        return data != null;
    }

    /** The fault spec in effect for this attempt ({@code x-mock-fault}), null for none. */
    public synchronized void fault(String spec) {
        fault = spec == null || spec.isBlank() ? null : spec;
    }

    /** The response status. */
    public synchronized void status(int code) {
        status = code;
    }

    /** One event written (not yet flushed): its data size, hash and, when kept, data. */
    public synchronized void event(int dataBytes, long hash, byte[] kept) {
        if (count == MAX_EVENTS) {
            dropped++;
            return;
        }
        if (count == times.length) {
            int n = Math.min(MAX_EVENTS, count * 2);
            times = Arrays.copyOf(times, n);
            sizes = Arrays.copyOf(sizes, n);
            hashes = Arrays.copyOf(hashes, n);
        }
        times[count] = -1;
        sizes[count] = dataBytes;
        hashes[count] = hash;
        if (data != null) {
            boolean room = kept != null && keptBytes + kept.length <= MAX_KEPT_BYTES;
            data.add(room ? new String(kept, StandardCharsets.UTF_8) : null);
            keptBytes += room ? kept.length : 0;
        }
        count++;
        heldEvents.incrementAndGet();
    }

    /** What was written so far went to the socket at {@code nanos}. */
    public synchronized void flushed(long nanos) {
        for (int i = flushed; i < count; i++) {
            times[i] = nanos;
        }
        flushed = count;
    }

    /** The answer ended ({@code complete}, {@code reset}, {@code closed}, {@code cancelled}); the first end counts. */
    public synchronized void ended(String how, long nanos) {
        if (end == null) {
            end = how;
            endNanos = nanos;
        }
    }

    /** Events recorded so far. */
    public synchronized int count() {
        return count;
    }

    /** A copy of the record as it stands. */
    public synchronized RecordView view() {
        List<String> kept = data == null ? List.of() : data;
        return new RecordView(seq, tag.id(), attempt, arrivalNanos, fault, status, end, endNanos,
                Arrays.copyOf(times, count), Arrays.copyOf(sizes, count), Arrays.copyOf(hashes, count), kept,
                dropped);
    }

    /** Its number in the recorder, from 0 in arrival order. */
    public long seq() {
        return seq;
    }
}
