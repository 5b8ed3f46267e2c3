package io.streambench.client.sse;

import io.streambench.client.Api;
import io.streambench.client.Plugins;
import io.streambench.mock.Choice;
import io.streambench.mock.UsageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the {@link SseParser} of each stream: our strategies ({@link ParserStrategy}) and a user's own. The CLI's
 * {@code --parser NAME} and JMH's {@code parser} parameter take a built-in label, the {@link #label()} of a
 * provider registered for {@link java.util.ServiceLoader} ({@code META-INF/services/io.streambench.client.sse.ParserFactory}),
 * or the name of a class on the class path: a {@code ParserFactory} with a public no-argument constructor, or an
 * {@link SseParser} with a public {@code (Api, SseListener)} constructor (it then reads every API).
 *
 * <pre>{@code
 * java -cp my.jar:streambench.jar io.streambench.cli.Main run --parser com.acme.MyParser
 * ParserFactory parser = ParserFactory.named("com.acme.MyParser");
 * SseParser p = parser.create(Api.CHAT, listener);
 * }</pre>
 */
public interface ParserFactory {

    /** The name it is chosen and reported by (run.json, JMH's {@code parser}). */
    String label();

    /** A new parser for one stream of {@code api}. */
    SseParser create(Api api, SseListener listener);

    /** The APIs it decodes; every one unless it says otherwise. */
    default Set<Api> apis() {
        return Collections.unmodifiableSet(EnumSet.allOf(Api.class));
    }

    /** Whether it reports SSE comments ({@link SseListener#onComment}), and so the {@code : t=} send stamps. */
    default boolean reportsComments() {
        return true;
    }

    /**
     * The parser named {@code name}: a built-in label, a provider's label, or a class name.
     *
     * @throws UsageException one line when there is none, or the class cannot be made
     */
    static ParserFactory named(String name) {
        if (!Plugins.looksLikeClass(name) || Choice.labels(ParserStrategy.class).contains(name)) {
            var provided = Plugins.provider(ParserFactory.class, ParserFactory::label, name);
            if (provided.isPresent()) {
                return provided.get();
            }
            return ParserStrategy.named(name);
        }
        return Plugins.provider(ParserFactory.class, ParserFactory::label, name).orElseGet(() -> Plugins.construct(
                "parser", name, List.of(
                        new Plugins.Signature<>(ParserFactory.class, List.of(), a -> new Object[0],
                                made -> (ParserFactory) made),
                        new Plugins.Signature<>(SseParser.class, List.of(Api.class, SseListener.class), null,
                                constructor -> new ClassParserFactory(name,
                                        (java.lang.reflect.Constructor<?>) constructor))),
                known()));
    }

    /** Every name {@link #named} knows without a class name: the built-ins, then the providers'. */
    static List<String> known() {
        List<String> names = new ArrayList<>(Choice.labels(ParserStrategy.class));
        names.addAll(Plugins.providerNames(ParserFactory.class, ParserFactory::label));
        return names;
    }
}
