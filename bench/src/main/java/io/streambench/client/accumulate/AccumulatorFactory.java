package io.streambench.client.accumulate;

import io.streambench.client.Plugins;
import io.streambench.mock.Choice;
import io.streambench.mock.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the {@link Accumulator} of each stream: our strategies ({@link AccumulateStrategy}) and a user's own. The
 * CLI's {@code --accumulate NAME} and JMH's {@code strategy} parameter take a built-in label, the {@link #label()} of
 * a {@link java.util.ServiceLoader} provider ({@code META-INF/services/io.streambench.client.accumulate.AccumulatorFactory}),
 * or a class name: an {@code AccumulatorFactory} with a public no-argument constructor, or an {@link Accumulator}
 * with a public {@code (int maxChars)} constructor (then it is {@link #limited()}) or a no-argument one.
 *
 * <pre>{@code
 * AccumulatorFactory factory = AccumulatorFactory.named("com.acme.RopeAccumulator");
 * Accumulator answer = factory.create();   // one per stream
 * }</pre>
 */
public interface AccumulatorFactory {

    /** The name it is chosen and reported by. */
    String label();

    /** Whether it stops at a character limit (the {@code maxChars} of {@link #create(int)}). */
    boolean limited();

    /** A new accumulator; {@code maxChars} is used by {@link #limited()} ones only. */
    Accumulator create(int maxChars);

    /** A new accumulator; a {@link #limited()} one stops at {@link AccumulateStrategy#DEFAULT_MAX_CHARS}. */
    default Accumulator create() {
        return create(AccumulateStrategy.DEFAULT_MAX_CHARS);
    }

    /**
     * The accumulator named {@code name}: a built-in label, a provider's label, or a class name.
     *
     * @throws UsageException one line when there is none, or the class cannot be made
     */
    static AccumulatorFactory named(String name) {
        var provided = Plugins.provider(AccumulatorFactory.class, AccumulatorFactory::label, name);
        if (provided.isPresent()) {
            return provided.get();
        }
        if (!Plugins.looksLikeClass(name)) {
            return AccumulateStrategy.named(name);
        }
        return Plugins.construct("accumulator", name, List.of(
                new Plugins.Signature<>(AccumulatorFactory.class, List.of(), a -> new Object[0],
                        made -> (AccumulatorFactory) made),
                new Plugins.Signature<>(Accumulator.class, List.of(int.class), null,
                        constructor -> new ClassAccumulatorFactory(name, (java.lang.reflect.Constructor<?>) constructor,
                                true)),
                new Plugins.Signature<>(Accumulator.class, List.of(), null,
                        constructor -> new ClassAccumulatorFactory(name, (java.lang.reflect.Constructor<?>) constructor,
                                false))),
                known());
    }

    /** Every name {@link #named} knows without a class name. */
    static List<String> known() {
        List<String> names = new ArrayList<>(Choice.labels(AccumulateStrategy.class));
        names.addAll(Plugins.providerNames(AccumulatorFactory.class, AccumulatorFactory::label));
        return names;
    }
}
