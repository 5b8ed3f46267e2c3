package io.streambench.client.flush;

import io.streambench.client.Plugins;
import io.streambench.mock.Choice;
import io.streambench.mock.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The client flush policies by name, for the CLI, the driver and the benchmarks, each with the common recipe's
 * settings: {@value #DEFAULT_INTERVAL_MILLIS} ms and more than {@value #DEFAULT_MAX_CHARS} characters waiting.
 *
 * <pre>
 * FlushStrategy strategy = FlushStrategy.named("hybrid");   // every name: Choice.labels(FlushStrategy.class)
 * Flusher flusher = new Flusher(strategy.policy(), NanoClock.SYSTEM, screen::append, delays);
 * if (strategy.policy().timeBased()) {
 *     // tick the flusher from a timer, as the driver does every 10 ms
 * }
 * </pre>
 */
public enum FlushStrategy implements Choice {

    /** {@link FlushPolicy.Immediate}. */
    IMMEDIATE(new FlushPolicy.Immediate()),
    /** {@link FlushPolicy.Interval} of {@value #DEFAULT_INTERVAL_MILLIS} ms. */
    INTERVAL(new FlushPolicy.Interval(Duration.ofMillis(FlushStrategy.DEFAULT_INTERVAL_MILLIS))),
    /** {@link FlushPolicy.Size} of {@value #DEFAULT_MAX_CHARS} chars. */
    SIZE(new FlushPolicy.Size(FlushStrategy.DEFAULT_MAX_CHARS)),
    /** {@link FlushPolicy.Hybrid}: the common recipe. */
    HYBRID(new FlushPolicy.Hybrid(Duration.ofMillis(FlushStrategy.DEFAULT_INTERVAL_MILLIS),
            FlushStrategy.DEFAULT_MAX_CHARS)),
    /** {@link FlushPolicy.ReadBatch}. */
    READ_BATCH(new FlushPolicy.ReadBatch());

    /** The usual interval of the common recipe, in ms (a constant, so that help texts can quote it). */
    public static final int DEFAULT_INTERVAL_MILLIS = 50;
    /** The usual size threshold of the common recipe: flush when more than this many chars wait. */
    public static final int DEFAULT_MAX_CHARS = 100;

    private final FlushPolicy policy;

    FlushStrategy(FlushPolicy policy) {
        // FlushStats names a flusher's policy, run.json the strategy chosen: the two must read alike.
        if (!policy.name().equals(label())) {
            throw new IllegalStateException("policy=" + policy.name() + " under label=" + label());
        }
        this.policy = policy;
    }

    /** The strategy labelled {@code name}; for an unknown name a {@link UsageException} lists the labels. */
    public static FlushStrategy named(String name) {
        return Choice.named(FlushStrategy.class, "flush policy", name);
    }

    /**
     * The policy named {@code name}: a built-in label, the {@link FlushPolicy#name()} of a {@link java.util.ServiceLoader}
     * provider of {@link FlushPolicy}, or the name of a class implementing it with a public no-argument constructor.
     *
     * @throws UsageException one line when there is none, or the class cannot be made
     */
    public static FlushPolicy policyNamed(String name) {
        var provided = Plugins.provider(FlushPolicy.class, FlushPolicy::name, name);
        if (provided.isPresent()) {
            return provided.get();
        }
        if (!Plugins.looksLikeClass(name)) {
            return named(name).policy();
        }
        List<String> known = new ArrayList<>(Choice.labels(FlushStrategy.class));
        known.addAll(Plugins.providerNames(FlushPolicy.class, FlushPolicy::name));
        return Plugins.construct("flush policy", name, List.of(new Plugins.Signature<>(FlushPolicy.class, List.of(),
                a -> new Object[0], made -> (FlushPolicy) made)), known);
    }

    /** Its rule with the recipe's settings; immutable, so one instance serves every stream. */
    public FlushPolicy policy() {
        return policy;
    }
}
