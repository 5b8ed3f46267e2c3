package io.streambench.client.sse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Push-style twin of {@code new BufferedReader(new InputStreamReader(body, UTF_8)).readLine()},
 * the way the official Java SDK reads a stream: bytes are decoded to chars, and every line
 * becomes a new {@code String}. Lines end at CR, LF or CRLF, also when the CRLF or a multi-byte
 * character is split across reads; a leading BOM is dropped (the SDK's reader does not drop it,
 * see {@link SdkStyleParser}). Invalid UTF-8 becomes U+FFFD, as with the JDK's readers.
 */
final class Utf8LineReader {

    private static final char BOM = '\uFEFF';

    private final Consumer<String> lines;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    // The bytes of a character split across reads: at most 3.
    private final ByteBuffer carry = ByteBuffer.allocate(8);
    private CharBuffer chars = CharBuffer.allocate(8192);
    private final StringBuilder partial = new StringBuilder(256);
    private boolean atStart = true;
    private boolean skipLf;

    Utf8LineReader(Consumer<String> lines) {
        this.lines = lines;
    }

    void feed(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        if (carry.position() > 0) {
            // Complete the split character byte by byte, then go on with the rest of this read.
            while (in.hasRemaining() && carry.position() > 0) {
                carry.put(in.get());
                carry.flip();
                decode(carry);
                carry.compact();
            }
        }
        decode(in);
        if (in.hasRemaining()) {
            carry.put(in);
        }
    }

    /** End of stream: an unterminated last line is not a line, and is dropped. */
    void end() {
        partial.setLength(0);
        carry.clear();
        decoder.reset();
    }

    private void decode(ByteBuffer in) {
        while (true) {
            chars.clear();
            var result = decoder.decode(in, chars, false);
            chars.flip();
            scan(chars);
            if (!result.isOverflow()) {
                return;
            }
        }
    }

    private void scan(CharBuffer decoded) {
        char[] array = decoded.array();
        int i = decoded.position();
        int end = decoded.limit();
        if (atStart && i < end) {
            atStart = false;
            if (array[i] == BOM) {
                i++;
            }
        }
        if (skipLf && i < end) {
            skipLf = false;
            if (array[i] == '\n') {
                i++;
            }
        }
        int lineStart = i;
        while (i < end) {
            char c = array[i];
            if (c == '\n' || c == '\r') {
                emit(array, lineStart, i);
                i++;
                if (c == '\r') {
                    if (i == end) {
                        skipLf = true;
                    } else if (array[i] == '\n') {
                        i++;
                    }
                }
                lineStart = i;
            } else {
                i++;
            }
        }
        if (lineStart < end) {
            partial.append(array, lineStart, end - lineStart);
        }
    }

    private void emit(char[] array, int start, int end) {
        String line;
        if (partial.length() == 0) {
            line = new String(array, start, end - start);
        } else {
            partial.append(array, start, end - start);
            line = partial.toString();
            partial.setLength(0);
        }
        lines.accept(line);
    }
}
