package io.streambench.driver.workload;

import io.streambench.mock.profile.Distribution;
import java.util.OptionalLong;

/**
 * Where a stage's requests come from: request {@code index} is planned the same way every time, whatever
 * order requests are asked for in and from whichever thread (so a run with the same seed sends the same
 * requests).
 *
 * <pre>{@code
 * RequestSource source = new SyntheticSource(Corpus.bundled(Tokenizers.named("o200k_base")),
 *         Distribution.parse("normal:1000:200"), Distribution.parse("200"), null, false, seed);
 * for (long i = 0; source.size().isEmpty() || i < source.size().getAsLong(); i++) {
 *     PlannedRequest request = source.plan(i);
 *     ...
 * }
 * }</pre>
 */
public interface RequestSource {

    /**
     * Plans request {@code index}.
     *
     * @throws IndexOutOfBoundsException past the end of a finite source
     */
    PlannedRequest plan(long index);

    /** How many requests the source has; empty for an endless one (synthetic prompts, datasets cycled). */
    OptionalLong size();

    /** A short text for reports, such as {@code synthetic input=normal:1000:200 output=200}. */
    String label();

    /**
     * When request {@code i + period} is planned exactly as request {@code i} (its index aside): a fixed prompt
     * (1), a dataset cycled without per-request draws (its size). Empty when every request is its own. A driver
     * may then encode the bodies of one period once and reuse them.
     */
    default OptionalLong period() {
        return OptionalLong.empty();
    }

    /** {@code period}, unless {@code perRequest} (a length drawn for each request, or null) draws more than one value. */
    static OptionalLong periodUnlessDrawn(long period, Distribution perRequest) {
        return perRequest == null || perRequest instanceof Distribution.Constant ? OptionalLong.of(period)
                : OptionalLong.empty();
    }
}
