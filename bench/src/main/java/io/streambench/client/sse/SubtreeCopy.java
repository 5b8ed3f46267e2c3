package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Writer;

/**
 * A JSON subtree copied token by token into a {@link CharSlice} as compact JSON, as Jackson writes it: the same
 * text whichever parser read it (Gemini's function call arguments, for {@link TokenAssembler#copy}). Allocates a
 * generator per copied value: for rare values only. One per assembler, made at its first copy.
 */
final class SubtreeCopy {

    private final SliceWriter writer = new SliceWriter();
    private JsonGenerator generator;
    private int depth;

    /** Starts copying the value that opens with {@code token} into {@code into}, which is cleared. */
    void start(JsonToken token, JsonParser parser, CharSlice into) throws IOException {
        into.clear();
        writer.into = into;
        generator = Json.FACTORY.createGenerator(writer);
        depth = 0;
        token(token, parser);
    }

    /** Whether a value is being copied: the parser's tokens go to {@link #token} until it closes. */
    boolean active() {
        return generator != null;
    }

    /** Copies the parser's current token; the value's closing token ends the copy. */
    void token(JsonToken token, JsonParser parser) throws IOException {
        generator.copyCurrentEvent(parser);
        if (token.isStructStart()) {
            depth++;
        } else if (token.isStructEnd() && --depth == 0) {
            generator.close();
            generator = null;
        }
    }

    /** Drops a copy the event left unfinished. */
    void reset() {
        generator = null;
    }

    /** A writer that appends to a {@link CharSlice}. */
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
