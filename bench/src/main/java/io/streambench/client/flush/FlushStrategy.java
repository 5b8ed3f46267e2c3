package io.streambench.client.flush;

import io.streambench.mock.UsageException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The client flush policies by name, for the CLI, the driver and the benchmarks, each with the common recipe's
 * settings: {@value #DEFAULT_INTERVAL_MILLIS} ms and more than {@value #DEFAULT_MAX_CHARS} characters waiting.
 *
 * <pre>
 * FlushStrategy strategy = FlushStrategy.named("hybrid");
 * Flusher flusher = new Flusher(strategy.policy(), NanoClock.SYSTEM, screen::append, delays);
 * if (strategy.policy().timeBased()) {
 *     // tick the flusher from a timer, as the driver does every 10 ms
 * }
 * </pre>
 */
public enum FlushStrategy {

    /** {@link FlushPolicy.Immediate}. */
    IMMEDIATE("immediate", new FlushPolicy.Immediate()),
    /** {@link FlushPolicy.Interval} of {@value #DEFAULT_INTERVAL_MILLIS} ms. */
    INTERVAL("interval", new FlushPolicy.Interval(Duration.ofMillis(FlushStrategy.DEFAULT_INTERVAL_MILLIS))),
    /** {@link FlushPolicy.Size} of {@value #DEFAULT_MAX_CHARS} chars. */
    SIZE("size", new FlushPolicy.Size(FlushStrategy.DEFAULT_MAX_CHARS)),
    /** {@link FlushPolicy.Hybrid}: the common recipe. */
    HYBRID("hybrid", new FlushPolicy.Hybrid(Duration.ofMillis(FlushStrategy.DEFAULT_INTERVAL_MILLIS),
            FlushStrategy.DEFAULT_MAX_CHARS)),
    /** {@link FlushPolicy.ReadBatch}. */
    READ_BATCH("read-batch", new FlushPolicy.ReadBatch());

    /** The usual interval of the common recipe, in ms (a constant, so that help texts can quote it). */
    public static final int DEFAULT_INTERVAL_MILLIS = 50;
    /** The usual size threshold of the common recipe: flush when more than this many chars wait. */
    public static final int DEFAULT_MAX_CHARS = 100;

    private final String label;
    private final FlushPolicy policy;

    FlushStrategy(String label, FlushPolicy policy) {
        this.label = label;
        this.policy = policy;
    }

    /** The name on the command line, in run.json and in benchmark parameters; also {@link FlushPolicy#name()}. */
    public String label() {
        return label;
    }

    /** Its rule with the recipe's settings; immutable, so one instance serves every stream. */
    public FlushPolicy policy() {
        return policy;
    }

    /**
     * The strategy of {@code name}.
     *
     * @throws UsageException naming the known strategies, for an unknown name
     */
    public static FlushStrategy named(String name) {
        for (FlushStrategy s : values()) {
            if (s.label.equals(name)) {
                return s;
            }
        }
        throw new UsageException("unknown flush policy=" + name + ", known=" + names());
    }

    /** Every name, in the order of the constants. */
    public static List<String> names() {
        return Arrays.stream(values()).map(FlushStrategy::label).toList();
    }

    /** The {@link #label()}. */
    @Override
    public String toString() {
        return label;
    }
}
