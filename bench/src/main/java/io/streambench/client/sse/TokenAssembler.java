package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

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
abstract class TokenAssembler<S extends EventScratch> {

    /** The parent of the top-level object's fields. */
    static final String ROOT = "";

    // The open objects and arrays we understand, each named by the field that holds it (its elements, if
    // objects, by the array's name).
    private final String[] stack = new String[8];
    // Bit d: stack[d] is an array.
    private int arrays;
    private int depth;
    private int skipDepth;
    private String name;
    private boolean started;
    // A subtree copied as compact JSON text (Gemini's function call arguments); made at the first.
    private SubtreeCopy copy;

    /** What this reads into; cleared by {@link #begin}. */
    final S scratch;

    TokenAssembler(S scratch) {
        this.scratch = scratch;
    }

    /** The scratch this fills. */
    final S scratch() {
        return scratch;
    }

    /**
     * Takes a value (or the start of an object or array) of field {@code name} of the object named
     * {@code parent} ({@link #ROOT} at the top level), or an element of the array {@code parent} when
     * {@code name} is null. Field names are Jackson's canonical strings: a {@code switch} on them allocates
     * nothing. Open a known container with {@link #open}, skip an unknown one with {@link #skip}.
     */
    abstract void value(String parent, String name, JsonToken token, JsonParser parser) throws IOException;

    /** A known object ({@code array} false, also an array's element) or array named {@code container} closed. */
    void closed(String container, boolean array) {
    }

    /** Starts a new event. */
    final void begin() {
        scratch.reset();
        depth = 0;
        skipDepth = 0;
        started = false;
        if (copy != null) {
            copy.reset();
        }
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
        if (copy != null && copy.active()) {
            copy.token(token, parser);
            return false;
        }
        if (depth == 0) {
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedDataException("top-level value is " + token + ", not an object");
            }
            started = true;
            push(ROOT, false);
            return false;
        }
        switch (token) {
            case FIELD_NAME:
                name = parser.currentName();
                return false;
            case END_OBJECT:
            case END_ARRAY:
                depth--;
                closed(stack[depth], isArray(depth));
                return depth == 0;
            default:
                value(stack[depth - 1], isArray(depth - 1) ? null : name, token, parser);
                return false;
        }
    }

    // ---- for subclasses

    /** Opens a known container named {@code container}, or accepts null; returns whether it opened. */
    final boolean open(JsonToken token, JsonToken expected, String container) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(token == expected, container, token);
        push(container, expected == JsonToken.START_ARRAY);
        return true;
    }

    private void push(String container, boolean array) {
        if (depth == stack.length) {
            // Deeper than any dialect's event; not worth a bigger stack per stream.
            throw new IllegalStateException("container=" + container + " nested deeper than " + stack.length);
        }
        stack[depth] = container;
        arrays = array ? arrays | 1 << depth : arrays & ~(1 << depth);
        depth++;
    }

    private boolean isArray(int level) {
        return (arrays & 1 << level) != 0;
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
     * Returns true: the value is being copied.
     */
    final boolean copy(JsonToken token, JsonParser parser, CharSlice into, String name) throws IOException {
        expect(token == JsonToken.START_OBJECT, name, token);
        if (copy == null) {
            copy = new SubtreeCopy();
        }
        copy.start(token, parser, into);
        return true;
    }

    /**
     * An {@code error} field of {@code parent}: an object whose fields go to {@link #errorValue}, or the plain
     * string some providers send. At the top level it is the event's error ({@link EventScratch#hasError}).
     */
    final void error(String parent, JsonToken token, JsonParser parser) throws IOException {
        boolean opened;
        if (token == JsonToken.VALUE_STRING) {
            text(parser, scratch.errorMessage);
            opened = true;
        } else {
            opened = open(token, JsonToken.START_OBJECT, "error");
        }
        if (ROOT.equals(parent)) {
            scratch.hasError = opened;
        }
    }

    /** A field of an error object: its {@code message}, {@code type} (Google: {@code status}) or {@code code}. */
    final void errorValue(String name, JsonToken token, JsonParser parser) throws IOException {
        switch (name) {
            case "message" -> {
                if (!string(token, parser, scratch.errorMessage, name)) {
                    scratch.errorMessage.clear();
                }
            }
            case "type", "status" -> string(token, parser, scratch.errorType, name);
            case "code" -> {
                // A string for OpenAI, a number for Google and some compatible servers.
                if (token.isNumeric()) {
                    scratch.errorCode.set(parser.getText());
                    scratch.errorCode.present = true;
                } else {
                    string(token, parser, scratch.errorCode, name);
                }
            }
            default -> skip(token);
        }
    }

    /** Field {@code wanted}'s count when {@code name} is it; otherwise skips the value and keeps {@code current}. */
    final long count(String wanted, String name, JsonToken token, JsonParser parser, long current) throws IOException {
        if (!wanted.equals(name)) {
            skip(token);
            return current;
        }
        return longValue(token, parser, name);
    }

    /** A details object's {@code cached_tokens} (OpenAI's, part of the prompt); its other fields are skipped. */
    final void cachedTokens(String name, JsonToken token, JsonParser parser, UsageCounts usage) throws IOException {
        usage.cached = count("cached_tokens", name, token, parser, usage.cached);
        usage.hasCached |= "cached_tokens".equals(name) && token != JsonToken.VALUE_NULL;
    }

    /** Reads a string or null into {@code into}, which says which it was ({@link CharSlice#present}). */
    static boolean string(JsonToken token, JsonParser parser, CharSlice into, String name) throws IOException {
        into.present = token != JsonToken.VALUE_NULL;
        if (into.present) {
            expect(token == JsonToken.VALUE_STRING, name, token);
            text(parser, into);
        }
        return into.present;
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
}
