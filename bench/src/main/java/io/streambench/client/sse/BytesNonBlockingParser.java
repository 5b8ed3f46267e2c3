package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import io.streambench.client.Api;

import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code bytes-nonblocking}: {@link SseByteScanner} feeding every piece of data, as it arrives,
 * into one long-lived Jackson non-blocking parser per connection
 * ({@code JsonFactory.createNonBlockingByteArrayParser()}). Successive events are successive
 * root values of that parser, so there is no parser to create per event and no event buffer:
 * the JSON is parsed while the event is still arriving, and only the listener calls wait for the
 * blank line that ends it (and, in the typed dialects, for the event's name, which decides whether it is
 * read at all: {@link EventGate}).
 *
 * <p>A non-blocking parser cannot be rewound, so the event boundary is policed here: data that
 * starts with {@code [} is held back (at most the six bytes of {@code [DONE]}) instead of being
 * parsed; bytes after the object's closing brace must be whitespace; and after any malformed
 * event the parser is dropped and a fresh one starts with the next event.
 *
 * <p>It also rejects one input Jackson 2.20.1's non-blocking parser accepts: an object with a
 * trailing comma, {@code {"a":1,}}, when a read ends right after the comma (the parser resumes in
 * its "first field" state, where a closing brace is allowed). The blocking parsers, and this
 * parser given the same bytes in one piece, reject it.
 */
final class BytesNonBlockingParser implements SseParser, SseByteScanner.Sink {

    private static final byte[] LF = {'\n'};

    // What the data of the current event has been so far.
    private static final int EMPTY = 0;
    private static final int JSON = 1;
    private static final int BRACKET = 2;
    private static final int COMPLETE = 3;
    private static final int FAILED = 4;

    private final Api api;
    private final SseListener listener;
    private final boolean endsWithDone;
    private final SseByteScanner scanner = new SseByteScanner(this);
    private final TokenAssembler<?> assembler;
    private final CharSlice comment = new CharSlice(64);
    // Made at the first named event: a chat stream has none.
    private CharSlice eventName;
    private final WhitespaceCheck trailing = new WhitespaceCheck();
    private final byte[] bracket = new byte[6];
    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private int mode = EMPTY;
    private int lines;
    private int bracketLength;
    private String failure;
    private boolean afterComma;
    private long arrivalNanos;

    BytesNonBlockingParser(Api api, SseListener listener) {
        this.api = api;
        this.listener = listener;
        this.endsWithDone = EventGate.endsWithDone(api);
        this.assembler = Dialects.assembler(api);
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        scanner.feed(bytes, offset, length);
    }

    @Override
    public void end(long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        scanner.end();
        resetEvent();
        dropParser();
        assembler.scratch().endOfBody(listener, arrivalNanos);
    }

    @Override
    public void onDataLine() {
        if (lines++ > 0) {
            onData(LF, 0, 1);
        }
    }

    @Override
    public void onData(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        switch (mode) {
            case EMPTY -> {
                if (bytes[offset] == '[') {
                    mode = BRACKET;
                    holdBracket(bytes, offset, length);
                } else {
                    mode = JSON;
                    startValue();
                    parse(bytes, offset, length);
                }
            }
            case JSON -> parse(bytes, offset, length);
            case BRACKET -> holdBracket(bytes, offset, length);
            case COMPLETE -> {
                if (!WhitespaceCheck.isWhitespace(bytes, offset, length)) {
                    fail("data after the JSON object");
                }
            }
            default -> {
                // FAILED: the rest of the event is ignored.
            }
        }
    }

    @Override
    public void onComment(byte[] bytes, int offset, int length) {
        Utf8.decode(bytes, offset, length, comment);
        listener.onComment(comment, arrivalNanos);
    }

    @Override
    public void onDispatch(byte[] name, int nameLength) {
        int outcome = mode;
        if (outcome == JSON) {
            // The event ended inside the value (or before it, if the data was only whitespace).
            failure = assembler.started() ? "JSON object ends early" : "no JSON value";
            dropParser();
        }
        if (nameLength >= 0 && eventName == null) {
            eventName = new CharSlice(32);
        }
        CharSequence event = EventBytes.name(name, nameLength, eventName);
        if (!EventGate.decodes(api, event)) {
            // Parsed already, as it arrived, but not an event this dialect reads: nothing to report.
            resetEvent();
            return;
        }
        switch (outcome) {
            case COMPLETE -> assembler.scratch().emitTo(listener, event, arrivalNanos);
            case BRACKET -> {
                if (endsWithDone && EventBytes.isDone(bracket, 0, bracketLength)) {
                    listener.onEnd(StreamEnd.DONE, arrivalNanos);
                } else {
                    malformed("top-level value is START_ARRAY, not an object");
                }
            }
            case EMPTY -> malformed("no JSON value");
            default -> malformed(failure);
        }
        resetEvent();
    }

    private void startValue() {
        if (parser == null) {
            try {
                parser = Json.FACTORY.createNonBlockingByteArrayParser();
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a non-blocking JSON parser", e);
            }
            feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        }
        assembler.begin();
    }

    private void parse(byte[] bytes, int offset, int length) {
        try {
            feeder.feedInput(bytes, offset, offset + length);
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE) {
                if (afterComma && token == JsonToken.END_OBJECT) {
                    throw new MalformedDataException("trailing comma before '}'");
                }
                afterComma = false;
                if (assembler.accept(token, parser)) {
                    mode = COMPLETE;
                    finishPiece();
                    return;
                }
            }
            afterComma = endsWithComma(bytes, offset, length, afterComma);
        } catch (IOException | RuntimeException e) {
            fail(MalformedDataException.reason(e));
        }
    }

    // The object closed inside this piece: what the parser has not read yet must be whitespace,
    // and it must read it, because a non-blocking parser takes new input only once it has used up the old.
    private void finishPiece() throws IOException {
        trailing.reset();
        parser.releaseBuffered(trailing);
        if (trailing.sawOther || parser.nextToken() != JsonToken.NOT_AVAILABLE) {
            fail("data after the JSON object");
        }
    }

    /** Whether the last non-whitespace byte is a comma; {@code previous} if there is none. */
    private static boolean endsWithComma(byte[] bytes, int offset, int length, boolean previous) {
        for (int i = offset + length - 1; i >= offset; i--) {
            byte b = bytes[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == ',';
            }
        }
        return previous;
    }

    private void holdBracket(byte[] bytes, int offset, int length) {
        int n = Math.min(length, bracket.length - bracketLength);
        System.arraycopy(bytes, offset, bracket, bracketLength, n);
        bracketLength += n;
    }

    private void fail(String reason) {
        mode = FAILED;
        failure = reason;
        dropParser();
    }

    private void malformed(String reason) {
        listener.onError(StreamError.malformed(reason), arrivalNanos);
    }

    private void resetEvent() {
        mode = EMPTY;
        afterComma = false;
        lines = 0;
        bracketLength = 0;
        failure = null;
    }

    private void dropParser() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // Closing a byte-array parser frees buffers; nothing can fail that matters here.
            }
            parser = null;
            feeder = null;
        }
    }

    /** Receives the bytes the parser holds but has not read, to check that they are whitespace. */
    private static final class WhitespaceCheck extends OutputStream {
        boolean sawOther;

        void reset() {
            sawOther = false;
        }

        @Override
        public void write(int b) {
            sawOther |= !isWhitespace((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            sawOther |= !isWhitespace(bytes, offset, length);
        }

        static boolean isWhitespace(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (!isWhitespace(bytes[i])) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isWhitespace(byte b) {
            return b == ' ' || b == '\n' || b == '\r' || b == '\t';
        }
    }
}
