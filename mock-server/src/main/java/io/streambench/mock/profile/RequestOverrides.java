package io.streambench.mock.profile;

import io.streambench.mock.fault.Fault;
import io.streambench.mock.fault.FaultSpec;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Knobs a single request may override with {@code x-mock-*} headers. Null means "use the profile".
 *
 * @param profile {@code x-mock-profile}: use this profile whatever the model
 * @param ttftMs {@code x-mock-ttft-ms}
 * @param itlMs {@code x-mock-itl-ms}
 * @param outputTokens {@code x-mock-output-tokens}
 * @param reasoningTokens {@code x-mock-reasoning-tokens}
 * @param tokensPerChunk {@code x-mock-tokens-per-chunk}
 * @param paddingBytes {@code x-mock-padding-bytes}
 * @param seed {@code x-mock-seed}
 * @param timestamps {@code x-mock-timestamps}
 * @param flush {@code x-mock-flush}
 * @param faults {@code x-mock-fault}: replaces the profile's faults (an empty header: no faults)
 */
public record RequestOverrides(
        String profile,
        Distribution ttftMs,
        Distribution itlMs,
        Distribution outputTokens,
        Distribution reasoningTokens,
        Distribution tokensPerChunk,
        Distribution paddingBytes,
        Long seed,
        Boolean timestamps,
        FlushPolicy flush,
        List<Fault> faults) {

    /** Header names, in the order the README documents them. */
    public static final String PROFILE = "x-mock-profile";
    public static final String TTFT_MS = "x-mock-ttft-ms";
    public static final String ITL_MS = "x-mock-itl-ms";
    public static final String OUTPUT_TOKENS = "x-mock-output-tokens";
    public static final String REASONING_TOKENS = "x-mock-reasoning-tokens";
    public static final String TOKENS_PER_CHUNK = "x-mock-tokens-per-chunk";
    public static final String PADDING_BYTES = "x-mock-padding-bytes";
    public static final String SEED = "x-mock-seed";
    public static final String TIMESTAMPS = "x-mock-timestamps";
    public static final String FLUSH = "x-mock-flush";
    public static final String FAULT = "x-mock-fault";

    /**
     * Reads the overrides from headers.
     *
     * @param header returns a header's value or null
     * @throws BadHeaderException naming the header and the problem
     */
    public static RequestOverrides fromHeaders(Function<String, String> header) {
        // Each header is looked up once; with none present every override is null.
        return new RequestOverrides(
                header.apply(PROFILE),
                distribution(header, TTFT_MS),
                distribution(header, ITL_MS),
                distribution(header, OUTPUT_TOKENS),
                distribution(header, REASONING_TOKENS),
                distribution(header, TOKENS_PER_CHUNK),
                distribution(header, PADDING_BYTES),
                seed(header.apply(SEED)),
                bool(header.apply(TIMESTAMPS)),
                flush(header.apply(FLUSH)),
                faults(header.apply(FAULT)));
    }

    private static List<Fault> faults(String v) {
        if (v == null) {
            return null;
        }
        try {
            return FaultSpec.parse(v);
        } catch (IllegalArgumentException e) {
            throw new BadHeaderException(FAULT, e.getMessage());
        }
    }

    private static Distribution distribution(Function<String, String> header, String name) {
        String v = header.apply(name);
        if (v == null) {
            return null;
        }
        try {
            return Distribution.parse(v);
        } catch (IllegalArgumentException e) {
            throw new BadHeaderException(name, e.getMessage());
        }
    }

    private static Long seed(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new BadHeaderException(SEED, "expected a whole number, got '" + v + "'");
        }
    }

    private static Boolean bool(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new BadHeaderException(TIMESTAMPS, "expected true or false, got '" + v + "'");
        };
    }

    private static FlushPolicy flush(String v) {
        if (v == null) {
            return null;
        }
        try {
            return FlushPolicy.parse(v);
        } catch (IllegalArgumentException e) {
            throw new BadHeaderException(FLUSH, e.getMessage());
        }
    }

    /** A header override that cannot be used; answered with 400 and the header as {@code param}. */
    public static final class BadHeaderException extends IllegalArgumentException {
        private final String header;

        public BadHeaderException(String header, String message) {
            super("invalid " + header + " header: " + message);
            this.header = header;
        }

        public String header() {
            return header;
        }
    }
}
