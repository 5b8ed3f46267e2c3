package io.streambench.mock.record;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The mark a driver puts into a request's prompt text so that the mock recognises the request behind a gateway,
 * which forwards a prompt unchanged where it may drop headers. It names the request and may carry what the
 * {@code x-mock-*} headers would say, for the same reason:
 *
 * <pre>
 * [sbtag 4f2a9c.g.17.1]
 * [sbtag 4f2a9c.f.2.1 keep fault=http:status=429,retry_after=1 seed=42]
 * </pre>
 *
 * The id is 1-64 of {@code [A-Za-z0-9._-]}; {@code keep} asks the mock to keep the data of every event it sends
 * (otherwise only their times, sizes and hashes); {@code NAME=VALUE} is the header {@code x-mock-NAME}, and wins
 * over the request's own. {@code fault} applies to the first attempt only, so a gateway's retry of it meets a
 * healthy upstream. Only characters that every JSON writer leaves as they are: no quote, backslash, angle bracket,
 * ampersand or slash, and nothing outside ASCII.
 *
 * @param id the request's name
 * @param keep keep the data of its events
 * @param settings the {@code x-mock-*} header values by name without the prefix ({@code fault}, {@code seed}...)
 */
public record Tag(String id, boolean keep, Map<String, String> settings) {

    /** What opens a tag in the prompt text. */
    public static final String OPEN = "[sbtag ";
    private static final byte[] OPEN_BYTES = OPEN.getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LENGTH = 512;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Pattern VALUE = Pattern.compile("[!#-%'-.0-;=?-Z^-~]{1,200}");

    public Tag {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("tag id must be 1-64 of [A-Za-z0-9._-], got " + id);
        }
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings == null ? Map.of() : settings));
        settings.forEach((name, value) -> {
            if (!NAME.matcher(name).matches() || name.equals("keep")) {
                throw new IllegalArgumentException("tag setting name must be a lower-case x-mock-* header name "
                        + "without the prefix, got " + name);
            }
            if (value == null || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("tag setting " + name + "=" + value + ": the value must be 1-200 "
                        + "ASCII characters without spaces, quotes, backslashes, slashes, <, >, &, [ or ]");
            }
        });
    }

    /** The tag as it goes into the prompt. */
    public String text() {
        StringBuilder s = new StringBuilder(OPEN).append(id);
        if (keep) {
            s.append(" keep");
        }
        settings.forEach((name, value) -> s.append(' ').append(name).append('=').append(value));
        return s.append(']').toString();
    }

    /** The setting of header {@code x-mock-NAME}, or null. */
    public String setting(String name) {
        return settings.get(name);
    }

    /**
     * The request's headers as the mock should read them: the tag's settings win over the request's own, and its
     * {@code fault} counts on the first attempt only (a later attempt has none, whatever the headers say).
     */
    public Function<String, String> headers(Function<String, String> request, int attempt) {
        return name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-mock-")) {
                String key = lower.substring("x-mock-".length());
                if (key.equals("fault") && attempt > 1 && settings.containsKey(key)) {
                    return null;
                }
                String value = settings.get(key);
                if (value != null) {
                    return value;
                }
            }
            return request.apply(name);
        };
    }

    /** The first well-formed tag in the readable bytes of {@code body} (not moved), or null. */
    public static Tag find(ByteBuf body) {
        int end = body.writerIndex();
        for (int at = body.readerIndex(); at <= end - OPEN_BYTES.length; at++) {
            if (!startsWithOpen(body, at)) {
                continue;
            }
            int close = -1;
            for (int i = at + OPEN_BYTES.length; i < Math.min(end, at + MAX_LENGTH); i++) {
                if (body.getByte(i) == ']') {
                    close = i;
                    break;
                }
            }
            if (close < 0) {
                continue;
            }
            Tag tag = parse(body.toString(at + OPEN_BYTES.length, close - at - OPEN_BYTES.length,
                    StandardCharsets.US_ASCII));
            if (tag != null) {
                return tag;
            }
        }
        return null;
    }

    private static boolean startsWithOpen(ByteBuf body, int at) {
        for (int i = 0; i < OPEN_BYTES.length; i++) {
            if (body.getByte(at + i) != OPEN_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    /** The words between {@code [sbtag } and {@code ]}, or null when they are not a tag. */
    static Tag parse(String inside) {
        String[] words = inside.trim().split(" +");
        if (words.length == 0 || !ID.matcher(words[0]).matches()) {
            return null;
        }
        boolean keep = false;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            int eq = w.indexOf('=');
            if (w.equals("keep")) {
                keep = true;
            } else if (eq > 0 && NAME.matcher(w.substring(0, eq)).matches() && VALUE.matcher(w.substring(eq + 1)).matches()) {
                settings.put(w.substring(0, eq), w.substring(eq + 1));
            } else {
                return null;
            }
        }
        return new Tag(words[0], keep, settings);
    }
}
