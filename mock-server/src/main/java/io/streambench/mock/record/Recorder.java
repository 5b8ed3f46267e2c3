package io.streambench.mock.record;

import io.streambench.mock.internal.record.RequestRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's records of tagged requests ({@link Tag}), for a driver measuring a gateway: per request when it
 * arrived, its status, how its answer ended and when each event went to the socket. Off unless asked for
 * ({@code mock --record N}, or the driver's gateway mode). Memory is bounded: it keeps the latest
 * {@code maxRecords} records holding at most about {@code maxEvents} events, dropping the oldest and counting
 * what it dropped.
 *
 * <pre>
 * Recorder recorder = new Recorder(10_000, 2_000_000);
 * RequestRecord record = recorder.begin(tag, arrivalNanos);   // on the event loop, per tagged request
 * List&lt;RecordView&gt; records = recorder.since(0, 1000);       // any thread
 * </pre>
 */
public final class Recorder {

    /** Events kept in all by default: about 40 MB. */
    public static final long DEFAULT_MAX_EVENTS = 2_000_000;

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
    public Recorder(int maxRecords, long maxEvents) {
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

    /** The bounds, for {@code /records} and reports. */
    public int maxRecords() {
        return maxRecords;
    }

    public long maxEvents() {
        return maxEvents;
    }
}
