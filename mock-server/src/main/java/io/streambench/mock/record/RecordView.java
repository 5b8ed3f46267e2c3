package io.streambench.mock.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the mock recorded of one tagged request, as a copy that no longer changes: the driver joins it with its
 * own record of the same request. Times are {@code System.nanoTime()} of the mock's process.
 *
 * @param seq the record's number in the mock, from 1, in the order requests arrived
 * @param tag the tag's id
 * @param attempt 1 for the first request with this tag, 2 for the next (a gateway's retry)...
 * @param arrivalNanos when the read that completed the request came off the socket
 * @param fault the {@code x-mock-fault} spec in effect for this attempt, or null
 * @param status the response status, 0 when none was sent
 * @param end how the answer ended: {@code complete}, {@code reset}, {@code closed} (the mock closed the
 *     connection mid-body), {@code cancelled} (the client or gateway went away), or null while still open
 * @param endNanos when it ended, or -1
 * @param times per event, when it was written to the socket (its flush), -1 if never
 * @param sizes per event, the bytes of its data
 * @param hashes per event, FNV-1a 64 of its data
 * @param data per event, its data as text when the tag asked to keep it, null past the record's budget (an
 *     empty list when nothing was kept)
 * @param droppedEvents events beyond the per-record limit, counted but not kept
 */
public record RecordView(long seq, String tag, int attempt, long arrivalNanos, String fault, int status, String end,
        long endNanos, long[] times, int[] sizes, long[] hashes, List<String> data, int droppedEvents) {

    public RecordView {
        if (times.length != sizes.length || times.length != hashes.length) {
            throw new IllegalArgumentException("times, sizes and hashes must have one entry per event");
        }
        data = Collections.unmodifiableList(new ArrayList<>(data));
    }

    /** Events recorded. */
    public int events() {
        return times.length;
    }

    /** Whether the answer was still under way when the record was copied. */
    public boolean open() {
        return end == null;
    }
}
