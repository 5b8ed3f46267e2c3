package io.streambench.client.stack;

import io.streambench.client.Plugins;
import io.streambench.mock.UsageException;
import java.util.List;

/**
 * Finds client stacks: the providers registered for {@link java.util.ServiceLoader} on the class path (our Netty
 * client in the main jar; the JDK, OkHttp, OpenAI SDK and Spring stacks in {@code streambench-stacks.jar}, added with
 * {@code java -cp streambench.jar:streambench-stacks.jar io.streambench.cli.Main ...}), or a class named by the user:
 * a {@link ClientStackProvider} with a public no-argument constructor.
 *
 * <pre>{@code
 * ClientStackProvider okhttp = ClientStacks.named("okhttp");
 * }</pre>
 */
public final class ClientStacks {

    /** Our own client, the driver's default. */
    public static final String NETTY = "netty";

    private ClientStacks() {
    }

    /**
     * The stack named {@code name}.
     *
     * @throws UsageException one line naming the stacks on the class path, when there is none of that name
     */
    public static ClientStackProvider named(String name) {
        var provided = Plugins.provider(ClientStackProvider.class, ClientStackProvider::name, name);
        if (provided.isPresent()) {
            return provided.get();
        }
        if (!Plugins.looksLikeClass(name)) {
            throw new UsageException("unknown client=" + name + ", known=" + names() + missingStacksJar(name));
        }
        return Plugins.construct("client", name, List.of(new Plugins.Signature<>(ClientStackProvider.class, List.of(),
                a -> new Object[0], made -> (ClientStackProvider) made)), names());
    }

    /** The names of the stacks on the class path. */
    public static List<String> names() {
        return Plugins.providerNames(ClientStackProvider.class, ClientStackProvider::name);
    }

    /** The stacks module's names, when its jar is not on the class path: say how to add it. */
    private static String missingStacksJar(String name) {
        boolean ours = List.of("jdk", "okhttp", "openai", "spring").contains(name);
        return ours && !names().contains(name) ? " (the " + name + " stack is in streambench-stacks.jar: java -cp "
                + "streambench.jar:streambench-stacks.jar io.streambench.cli.Main run --client " + name + ")" : "";
    }
}
