package io.streambench.client.sse;

/**
 * The byte-level SSE framer behind the {@code bytes-*} strategies: finds lines (CR, LF, CRLF,
 * with the state carried across reads), fields and event ends directly in the bytes as they
 * arrive, and hands {@code data} values on as byte ranges of the caller's array, without copying
 * them or decoding them to chars. Only comments and the {@code event} field (the typed dialects name
 * their events with it) are collected, as they are reported whole.
 *
 * <p>Allocates nothing per byte or per line; a long comment or event name grows one reused buffer.
 */
final class SseByteScanner {

    /** What the scanner finds. Ranges point into the caller's array and are valid during the call. */
    interface Sink {
        /** A {@code data} line starts; its value follows in zero or more {@link #onData} pieces. */
        void onDataLine();

        /** A piece of the current {@code data} line's value (a line spanning reads comes in pieces). */
        void onData(byte[] bytes, int offset, int length);

        /** A whole comment, after the colon and one leading space. */
        void onComment(byte[] bytes, int offset, int length);

        /**
         * A blank line ended an event that had at least one {@code data} line.
         *
         * @param eventName the event's {@code event} field, valid during the call
         * @param eventNameLength its length, or -1 when the event had no {@code event} field
         */
        void onDispatch(byte[] eventName, int eventNameLength);
    }

    private static final int LINE_START = 0;
    private static final int NAME = 1;
    private static final int VALUE_START = 2;
    private static final int VALUE = 3;

    private static final int OTHER = 0;
    private static final int DATA = 1;
    private static final int COMMENT = 2;
    private static final int EVENT = 3;

    private static final byte[] DATA_NAME = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT_NAME = {'e', 'v', 'e', 'n', 't'};

    private final Sink sink;
    private final LeadingBom bom = new LeadingBom();
    private final LeadingBom.Target scanTarget = this::scan;
    private int state = LINE_START;
    private int kind;
    private int nameLength;
    private boolean nameIsData;
    private boolean nameIsEvent;
    private boolean skipLf;
    private boolean hasData;
    private byte[] comment = new byte[64];
    private int commentLength;
    // Allocated at the first event line: a chat stream has none.
    private byte[] eventName;
    private int eventNameLength = -1;

    SseByteScanner(Sink sink) {
        this.sink = sink;
    }

    void feed(byte[] bytes, int offset, int length) {
        if (bom.settled()) {
            scan(bytes, offset, length);
        } else {
            bom.feed(bytes, offset, length, scanTarget);
        }
    }

    /** End of stream: an unterminated line or event is dropped. */
    void end() {
        state = LINE_START;
        hasData = false;
        commentLength = 0;
        eventNameLength = -1;
    }

    private void scan(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (skipLf && i < end) {
            skipLf = false;
            if (bytes[i] == '\n') {
                i++;
            }
        }
        while (i < end) {
            if (state == VALUE) {
                int start = i;
                byte c = 0;
                while (i < end && (c = bytes[i]) != '\n' && c != '\r') {
                    i++;
                }
                if (i > start) {
                    if (kind == DATA) {
                        sink.onData(bytes, start, i - start);
                    } else if (kind == COMMENT) {
                        comment = append(comment, commentLength, bytes, start, i - start);
                        commentLength += i - start;
                    } else if (kind == EVENT) {
                        eventName = append(eventName, eventNameLength, bytes, start, i - start);
                        eventNameLength += i - start;
                    }
                }
                if (i == end) {
                    return;
                }
                i = lineEnd(bytes, i, end);
                continue;
            }
            byte c = bytes[i];
            if (c == '\n' || c == '\r') {
                i = lineEnd(bytes, i, end);
                continue;
            }
            i++;
            switch (state) {
                case LINE_START -> {
                    if (c == ':') {
                        kind = COMMENT;
                        commentLength = 0;
                        state = VALUE_START;
                    } else {
                        nameIsData = c == 'd';
                        nameIsEvent = c == 'e';
                        nameLength = 1;
                        state = NAME;
                    }
                }
                case NAME -> {
                    if (c == ':') {
                        kind = isData() ? DATA : isEvent() ? EVENT : OTHER;
                        if (kind == DATA) {
                            startData();
                        } else if (kind == EVENT) {
                            startEventName();
                        }
                        state = VALUE_START;
                    } else {
                        nameIsData = nameIsData && nameLength < DATA_NAME.length && c == DATA_NAME[nameLength];
                        nameIsEvent = nameIsEvent && nameLength < EVENT_NAME.length && c == EVENT_NAME[nameLength];
                        nameLength++;
                    }
                }
                default -> {
                    // VALUE_START: one space after the colon belongs to the syntax, not the value.
                    state = VALUE;
                    if (c != ' ') {
                        i--;
                    }
                }
            }
        }
    }

    /** Ends the line at {@code bytes[i]} (CR or LF) and returns the index after the line end. */
    private int lineEnd(byte[] bytes, int i, int end) {
        switch (state) {
            case LINE_START -> {
                if (hasData) {
                    hasData = false;
                    sink.onDispatch(eventName, eventNameLength);
                }
                // The event type is reset at every blank line, dispatched or not.
                eventNameLength = -1;
            }
            case NAME -> {
                // "data" alone on a line is a data line with an empty value; "event" alone, an empty type.
                if (isData()) {
                    startData();
                } else if (isEvent()) {
                    startEventName();
                }
            }
            default -> {
                if (kind == COMMENT) {
                    sink.onComment(comment, 0, commentLength);
                }
            }
        }
        state = LINE_START;
        byte c = bytes[i++];
        if (c == '\r') {
            if (i == end) {
                skipLf = true;
            } else if (bytes[i] == '\n') {
                i++;
            }
        }
        return i;
    }

    private boolean isData() {
        return nameIsData && nameLength == DATA_NAME.length;
    }

    private boolean isEvent() {
        return nameIsEvent && nameLength == EVENT_NAME.length;
    }

    private void startEventName() {
        if (eventName == null) {
            eventName = new byte[32];
        }
        eventNameLength = 0;
    }

    private void startData() {
        hasData = true;
        sink.onDataLine();
    }

    /** Appends to {@code buffer} holding {@code used} bytes; returns the buffer, grown if it had to be. */
    private static byte[] append(byte[] buffer, int used, byte[] bytes, int offset, int length) {
        byte[] into = buffer.length - used < length
                ? java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, used + length)) : buffer;
        System.arraycopy(bytes, offset, into, used, length);
        return into;
    }
}
