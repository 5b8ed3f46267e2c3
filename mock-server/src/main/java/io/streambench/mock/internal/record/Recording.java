package io.streambench.mock.internal.record;

import io.streambench.mock.record.RecordView;
import io.streambench.mock.record.Recorder;
import io.streambench.mock.record.Tag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The records behind a {@link Recorder}, bounded: the latest {@code maxRecords} records holding at most about
 * {@code maxEvents} events, the oldest dropped and counted. The request path starts records here
 * ({@link #begin}, reached through {@link RecorderAccess}); the Recorder shows the API only what a driver reads.
 */
public final class Recording {

    private final int maxRecords;
    private final long maxEvents;
    private final ArrayDeque<RequestRecord> records = new ArrayDeque<>();
    /** Attempts seen per tag id, for the latest tags (a gateway retries within seconds). */
    private final Map<String, Integer> attempts;
    private final AtomicLong events = new AtomicLong();
    private long nextSeq = 1;
    private long droppedRecords;
    private long droppedEvents;

    /**
     * @param maxRecords records kept at most, at least 1
     * @param maxEvents events kept in all at most (the oldest records go first), at least 1
     */
    public Recording(int maxRecords, long maxEvents) {
        if (maxRecords < 1 || maxEvents < 1) {
            throw new IllegalArgumentException("records must be >= 1 and events >= 1, got " + maxRecords + " and "
                    + maxEvents);
        }
        this.maxRecords = maxRecords;
        this.maxEvents = maxEvents;
        int tags = Math.max(1024, maxRecords);
        this.attempts = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > tags;
            }
        };
    }

    /** Starts the record of a request with {@code tag} that arrived at {@code arrivalNanos}. */
    public synchronized RequestRecord begin(Tag tag, long arrivalNanos) {
        int attempt = attempts.merge(tag.id(), 1, Integer::sum);
        RequestRecord record = new RequestRecord(nextSeq++, tag, attempt, arrivalNanos, events);
        records.addLast(record);
        while (records.size() > maxRecords || (events.get() > maxEvents && records.size() > 1)) {
            RequestRecord oldest = records.removeFirst();
            int n = oldest.count();
            events.addAndGet(-n);
            droppedRecords++;
            droppedEvents += n;
        }
        return record;
    }

    /** Copies of the records numbered above {@code seq}, oldest first, at most {@code limit}. */
    public List<RecordView> since(long seq, int limit) {
        List<RequestRecord> picked = new ArrayList<>();
        synchronized (this) {
            for (Iterator<RequestRecord> it = records.iterator(); it.hasNext() && picked.size() < limit; ) {
                RequestRecord r = it.next();
                if (r.seq() > seq) {
                    picked.add(r);
                }
            }
        }
        // Copied outside the lock: each record has its own, and the event loops keep writing.
        List<RecordView> views = new ArrayList<>(picked.size());
        for (RequestRecord r : picked) {
            views.add(r.view());
        }
        return views;
    }

    /** Records dropped to stay within the bounds, since the start. */
    public synchronized long droppedRecords() {
        return droppedRecords;
    }

    /** Events of the dropped records. */
    public synchronized long droppedEvents() {
        return droppedEvents;
    }

    public int maxRecords() {
        return maxRecords;
    }

    public long maxEvents() {
        return maxEvents;
    }
}
