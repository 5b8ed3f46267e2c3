package io.streambench.mock.record;

import io.streambench.mock.internal.record.RecorderAccess;
import io.streambench.mock.internal.record.Recording;
import java.util.List;

/**
 * The mock's records of tagged requests ({@link Tag}), for a driver measuring a gateway: per request when it
 * arrived, its status, how its answer ended and when each event went to the socket. Off unless asked for
 * ({@code mock --record N}, or the driver's gateway mode). Memory is bounded: it keeps the latest
 * {@code maxRecords} records holding at most about {@code maxEvents} events, dropping the oldest and counting
 * what it dropped. The server writes the records (its request path reaches them on the internal side); this
 * class is what a driver reads.
 *
 * <pre>
 * Recorder recorder = server.recorder();                     // null when the server records nothing
 * List&lt;RecordView&gt; records = recorder.since(0, 1000);       // any thread
 * </pre>
 */
public final class Recorder {

    /** Events kept in all by default: about 40 MB. */
    public static final long DEFAULT_MAX_EVENTS = 2_000_000;

    static {
        // The request path's way to the records, kept out of this class's public members (see RecorderAccess).
        RecorderAccess.grant(recorder -> recorder.recording);
    }

    private final Recording recording;

    /**
     * @param maxRecords records kept at most, at least 1
     * @param maxEvents events kept in all at most (the oldest records go first), at least 1
     */
    public Recorder(int maxRecords, long maxEvents) {
        this.recording = new Recording(maxRecords, maxEvents);
    }

    /** Copies of the records numbered above {@code seq}, oldest first, at most {@code limit}. */
    public List<RecordView> since(long seq, int limit) {
        return recording.since(seq, limit);
    }

    /** Records dropped to stay within the bounds, since the start. */
    public long droppedRecords() {
        return recording.droppedRecords();
    }

    /** Events of the dropped records. */
    public long droppedEvents() {
        return recording.droppedEvents();
    }

    /** The bounds, for {@code /records} and reports. */
    public int maxRecords() {
        return recording.maxRecords();
    }

    public long maxEvents() {
        return recording.maxEvents();
    }
}
