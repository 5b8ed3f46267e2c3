package com.example.sse;

import io.streambench.client.Api;
import io.streambench.client.sse.EventDataReader;
import io.streambench.client.sse.SseListener;
import io.streambench.client.sse.SseParser;
import java.nio.charset.StandardCharsets;

/**
 * A user's SSE parser: it splits the body into lines itself (a {@code String} per line, the way many hand-written
 * readers do) and leaves each event's JSON to streambench's {@link EventDataReader}. A public
 * {@code (Api, SseListener)} constructor is all streambench needs to load it by class name:
 *
 * <pre>
 * java -cp custom-parser.jar:streambench.jar io.streambench.cli.Main run --parser com.example.sse.LineSplittingParser
 * </pre>
 *
 * Lines end at LF, CR or CRLF (an event is complete at the CR of its blank line); a leading byte order mark is
 * skipped; {@code data} lines join with LF; {@code event} names the event; comments go to the listener; other fields
 * are ignored, and an event cut off by the end of the body is dropped. Not thread-safe: one per stream.
 */
public final class LineSplittingParser implements SseParser {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final SseListener listener;
    private final EventDataReader json;
    private byte[] line = new byte[256];
    private int length;
    /** BOM bytes matched at the start of the body; 3 once past it (or once it is known there is none). */
    private int bom;
    private boolean skipLf;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventName;

    public LineSplittingParser(Api api, SseListener listener) {
        this.listener = listener;
        this.json = new EventDataReader(api, listener);
    }

    @Override
    public void feed(byte[] bytes, int offset, int count, long arrivalNanos) {
        for (int i = offset; i < offset + count; i++) {
            byte b = bytes[i];
            if (bom < BOM.length) {
                if (b == BOM[bom]) {
                    bom++;
                    continue;
                }
                // not a BOM after all: the bytes taken for one are the line's
                for (int k = 0; k < bom; k++) {
                    append(BOM[k]);
                }
                bom = BOM.length;
            }
            if (skipLf) {
                skipLf = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\r') {
                skipLf = true;
                line(arrivalNanos);
            } else if (b == '\n') {
                line(arrivalNanos);
            } else {
                append(b);
            }
        }
    }

    @Override
    public void end(long arrivalNanos) {
        json.end(arrivalNanos);
    }

    private void append(byte b) {
        if (length == line.length) {
            line = java.util.Arrays.copyOf(line, length * 2);
        }
        line[length++] = b;
    }

    private void line(long arrivalNanos) {
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        length = 0;
        if (text.isEmpty()) {
            if (hasData) {
                json.decode(eventName, data.toString(), arrivalNanos);
            }
            data.setLength(0);
            hasData = false;
            eventName = null;
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.isEmpty()) {
            listener.onComment(value, arrivalNanos);
        } else if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        } else if (field.equals("event")) {
            eventName = value;
        }
    }
}
