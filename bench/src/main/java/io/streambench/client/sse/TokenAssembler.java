package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.Writer;

/**
 * Reads the tokens of one event's JSON from any Jackson parser into a reused {@link EventScratch}, one token
 * at a time, so that the same code serves a blocking parser over a whole event and a non-blocking parser fed
 * as bytes arrive. This base walks the structure (which object or array we are in, what the last field name
 * meant there, subtrees to skip or to copy); each dialect's subclass says which fields it keeps. Field names
 * and string values are read as char ranges: nothing is allocated per token.
 *
 * <p>Unknown fields and whole unknown subtrees are skipped. A known field with the wrong JSON type makes the
 * event malformed.
 */
abstract class TokenAssembler {

    /** The context of the top-level object. Subclasses number their own contexts from 1. */
    static final int ROOT = 0;
    /** The meaning of a field nobody reads. Subclasses number their own fields from 1, below 100. */
    static final int F_OTHER = 0;
    /** The fields of an error object, the same in every dialect. */
    static final int F_ERROR_MESSAGE = 100;
    static final int F_ERROR_TYPE = 101;
    static final int F_ERROR_CODE = 102;

    private final int[] stack = new int[16];
    private int depth;
    private int skipDepth;
    private int field;
    private boolean started;
    // A subtree copied as compact JSON text (Gemini's function call arguments), or null.
    private JsonGenerator copy;
    private int copyDepth;
    private final SliceWriter copyWriter = new SliceWriter();

    /** The scratch this fills; cleared by {@link #begin}. */
    abstract EventScratch scratch();

    /** What field {@code name} means in {@code context}, or {@link #F_OTHER}. */
    abstract int fieldOf(int context, String name);

    /**
     * Takes a value (or the start of an object or array) of field {@code field} in {@code context}; for the
     * elements of an array, {@code field} is the array's own. Open a known container with {@link #open},
     * skip an unknown one with {@link #skip}.
     */
    abstract void value(int context, int field, JsonToken token, JsonParser parser) throws IOException;

    /** A known object or array of {@code context} closed. */
    void closed(int context) {
    }

    /** Starts a new event. */
    final void begin() {
        scratch().reset();
        depth = 0;
        skipDepth = 0;
        started = false;
        copy = null;
    }

    /** True once the event's first token has been accepted. */
    final boolean started() {
        return started;
    }

    /** Reads exactly one JSON object from a blocking parser, and nothing after it. */
    final void readValue(JsonParser parser) throws IOException {
        begin();
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (accept(token, parser)) {
                if (parser.nextToken() != null) {
                    throw new MalformedDataException("data after the JSON object");
                }
                return;
            }
        }
        throw new MalformedDataException(started ? "JSON object ends early" : "no JSON value");
    }

    /**
     * Takes the parser's current token. Returns true when it closed the top-level object.
     *
     * @throws MalformedDataException if the value is not an event of the expected shape
     */
    final boolean accept(JsonToken token, JsonParser parser) throws IOException {
        if (skipDepth > 0) {
            if (token.isStructStart()) {
                skipDepth++;
            } else if (token.isStructEnd()) {
                skipDepth--;
            }
            return false;
        }
        if (copy != null) {
            copyToken(token, parser);
            return false;
        }
        if (depth == 0) {
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedDataException("top-level value is " + token + ", not an object");
            }
            started = true;
            stack[depth++] = ROOT;
            return false;
        }
        int context = stack[depth - 1];
        switch (token) {
            case FIELD_NAME:
                field = fieldOf(context, parser.currentName());
                return false;
            case END_OBJECT:
            case END_ARRAY:
                depth--;
                closed(context);
                return depth == 0;
            default:
                value(context, field, token, parser);
                return false;
        }
    }

    // ---- for subclasses

    /** Opens a known container, or accepts null; returns whether it opened. */
    final boolean open(JsonToken token, JsonToken expected, int context, String name) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(token == expected, name, token);
        stack[depth++] = context;
        return true;
    }

    /** Skips the value: a whole subtree when it is a container. */
    final void skip(JsonToken token) {
        if (token.isStructStart()) {
            skipDepth = 1;
        }
    }

    /**
     * Copies the value starting with {@code token} (an object) into {@code into} as compact JSON, as Jackson
     * writes it: the same text whichever parser read it. Allocates a generator per value: for rare values only.
     */
    final void copy(JsonToken token, JsonParser parser, CharSlice into, String name) throws IOException {
        expect(token == JsonToken.START_OBJECT, name, token);
        into.clear();
        copyWriter.into = into;
        copy = Json.FACTORY.createGenerator(copyWriter);
        copyDepth = 0;
        copyToken(token, parser);
    }

    private void copyToken(JsonToken token, JsonParser parser) throws IOException {
        copy.copyCurrentEvent(parser);
        if (token.isStructStart()) {
            copyDepth++;
        } else if (token.isStructEnd() && --copyDepth == 0) {
            copy.close();
            copy = null;
        }
    }

    /**
     * A top-level {@code error}: an object opened as {@code context} (whose fields go to {@link #errorField}), or
     * the plain string some providers send.
     */
    final void error(JsonToken token, JsonParser parser, int context) throws IOException {
        EventScratch scratch = scratch();
        if (token == JsonToken.VALUE_STRING) {
            scratch.hasError = true;
            text(parser, scratch.errorMessage);
        } else {
            scratch.hasError = open(token, JsonToken.START_OBJECT, context, "error");
        }
    }

    /** What a field of an error object means: its {@code message}, {@code type} (Google: {@code status}) or {@code code}. */
    static int errorFieldOf(String name) {
        return switch (name) {
            case "message" -> F_ERROR_MESSAGE;
            case "type", "status" -> F_ERROR_TYPE;
            case "code" -> F_ERROR_CODE;
            default -> F_OTHER;
        };
    }

    /** Takes a field of an error object ({@link #errorFieldOf}). */
    final void errorValue(int field, JsonToken token, JsonParser parser) throws IOException {
        EventScratch scratch = scratch();
        if (field == F_ERROR_MESSAGE) {
            if (!string(token, parser, scratch.errorMessage, "message")) {
                scratch.errorMessage.clear();
            }
        } else if (field == F_ERROR_TYPE) {
            scratch.hasErrorType = string(token, parser, scratch.errorType, "type");
        } else if (token.isNumeric()) {
            // The code is a string for OpenAI, a number for Google and some compatible servers.
            scratch.errorCode.set(parser.getText());
            scratch.hasErrorCode = true;
        } else {
            scratch.hasErrorCode = string(token, parser, scratch.errorCode, "code");
        }
    }

    /** Reads a string or null into {@code into}; returns whether it was a string. */
    static boolean string(JsonToken token, JsonParser parser, CharSlice into, String name) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(token == JsonToken.VALUE_STRING, name, token);
        text(parser, into);
        return true;
    }

    static void text(JsonParser parser, CharSlice into) throws IOException {
        into.set(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    static int intValue(JsonToken token, JsonParser parser, String name) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return 0;
        }
        expect(token == JsonToken.VALUE_NUMBER_INT, name, token);
        return parser.getIntValue();
    }

    static long longValue(JsonToken token, JsonParser parser, String name) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return 0;
        }
        expect(token == JsonToken.VALUE_NUMBER_INT, name, token);
        return parser.getLongValue();
    }

    static boolean booleanValue(JsonToken token, String name) throws MalformedDataException {
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, name, token);
        return token == JsonToken.VALUE_TRUE;
    }

    static void expect(boolean ok, String name, JsonToken actual) throws MalformedDataException {
        if (!ok) {
            throw wrongType(name, actual);
        }
    }

    private static MalformedDataException wrongType(String name, JsonToken actual) {
        return new MalformedDataException("field=" + name + " has unexpected " + actual);
    }

    /** A writer that appends to a {@link CharSlice}, for {@link #copy}. */
    private static final class SliceWriter extends Writer {
        CharSlice into;

        @Override
        public void write(char[] chars, int offset, int length) {
            into.append(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            for (int i = 0; i < length; i++) {
                into.append(text.charAt(offset + i));
            }
        }

        @Override
        public void flush() {
            // Nothing is buffered here.
        }

        @Override
        public void close() {
            // The slice stays the scratch's.
        }
    }
}
