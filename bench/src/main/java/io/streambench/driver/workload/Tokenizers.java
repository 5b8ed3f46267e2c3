package io.streambench.driver.workload;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokenizers the driver knows, by name. Their vocabularies ship inside the jtokkit jar, so nothing is
 * downloaded; each is loaded once, on first use (o200k_base takes about a second).
 *
 * <pre>{@code
 * Tokenizer tokenizer = Tokenizers.named(Tokenizers.DEFAULT);
 * }</pre>
 */
public final class Tokenizers {

    /** The default: the encoding of the GPT-4o family and of most recent OpenAI models. */
    public static final String DEFAULT = "o200k_base";

    private static final Map<String, EncodingType> KNOWN = Map.of(
            "o200k_base", EncodingType.O200K_BASE,
            "cl100k_base", EncodingType.CL100K_BASE);
    private static final List<String> NAMES = List.of("o200k_base", "cl100k_base");
    private static final Map<String, Tokenizer> LOADED = new ConcurrentHashMap<>();

    private Tokenizers() {
    }

    /**
     * The tokenizer called {@code name}.
     *
     * @throws IllegalArgumentException for a name it does not know, listing the names it does
     */
    public static Tokenizer named(String name) {
        EncodingType type = name == null ? null : KNOWN.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown tokenizer '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
        return LOADED.computeIfAbsent(name, n -> new Tokenizer(n, Registry.INSTANCE.getEncoding(type)));
    }

    /** The known names, the default first. */
    public static List<String> names() {
        return NAMES;
    }

    // Holder: the registry is built on first use only.
    private static final class Registry {
        static final EncodingRegistry INSTANCE = Encodings.newLazyEncodingRegistry();
    }
}
