package io.streambench.mock.profile;

import java.util.Locale;

/**
 * The {@code ping} events of an Anthropic Messages stream. Real streams send one right after the first
 * {@code content_block_start}; a long stream may carry more, which a client must skip. Other APIs send none.
 *
 * <p>Text form: {@code first} (the default: the one real streams send), {@code none}, or {@code every:N} (that
 * one, then one after every N further content events).
 *
 * @param first send the ping after the first content block opens
 * @param everyEvents also send one after every this many content events; 0 for none
 */
public record Pings(boolean first, int everyEvents) {

    /** The one ping real streams send. */
    public static final Pings FIRST = new Pings(true, 0);

    public Pings {
        if (everyEvents < 0) {
            throw new IllegalArgumentException("pings every:N needs N >= 1, got " + everyEvents);
        }
    }

    /** Parses the text form. */
    public static Pings parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "first":
                return FIRST;
            case "none":
                return new Pings(false, 0);
            default:
                break;
        }
        if (s.startsWith("every:")) {
            int n;
            try {
                n = Integer.parseInt(s.substring(6).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number in pings '" + text + "'");
            }
            if (n < 1) {
                throw new IllegalArgumentException("pings every:N needs N >= 1, got " + n);
            }
            return new Pings(true, n);
        }
        throw new IllegalArgumentException("unknown pings '" + text + "' (first, none, every:N)");
    }
}
