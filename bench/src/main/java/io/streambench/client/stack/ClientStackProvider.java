package io.streambench.client.stack;

import io.streambench.client.Api;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes a {@link ClientStack} and says what it is. Registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/io.streambench.client.stack.ClientStackProvider}, it is chosen by {@link #name()}
 * ({@code run --client okhttp}); a class on the class path can also be named ({@link ClientStacks#named}).
 */
public interface ClientStackProvider {

    /** The name users choose it by: {@code netty}, {@code jdk}, {@code okhttp}... */
    String name();

    /** One line: the library and version, and how it is run. */
    String description();

    /** Whether it feeds the body to the {@code --parser} chosen; false when the stack parses itself. */
    boolean usesParser();

    /** Whether it hands each SSE comment, and so the {@code : t=} stamps, to user code. */
    boolean seesComments();

    /** The APIs whose streams it opens; every one unless it says otherwise (an SDK speaks its own). */
    default Set<Api> apis() {
        return Collections.unmodifiableSet(EnumSet.allOf(Api.class));
    }

    /** A new stack; its threads start here or on the first stream. */
    ClientStack create(StackSettings settings);
}
