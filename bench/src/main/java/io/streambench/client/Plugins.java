package io.streambench.client;

import io.streambench.mock.UsageException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds a strategy or client stack that is not built in: a {@link ServiceLoader} provider on the class path with
 * the name asked for, else the class of that name, made through one of the constructors the kind accepts. Every
 * failure is one {@link UsageException} line that says which (no such class, wrong type, no suitable constructor,
 * its constructor failed), so {@code --parser com.acme.MyParser} never ends in a stack trace.
 *
 * <pre>{@code
 * Optional<ParserFactory> p = Plugins.provider(ParserFactory.class, ParserFactory::label, "acme-fast");
 * Object made = Plugins.construct("parser", "com.acme.MyParser", List.of(
 *         new Plugins.Signature(SseParser.class, ...)), "...");
 * }</pre>
 */
public final class Plugins {

    private Plugins() {
    }

    /**
     * One way to make an instance of a user's class: when the class is assignable to {@code type}, its public
     * constructor taking {@code parameters} is called with the values {@code arguments} gives, and the instance
     * is adapted by {@code adapt}. With {@code arguments} null nothing is made yet (a parser is made per stream):
     * {@code adapt} gets the {@link Constructor}.
     */
    public record Signature<T>(Class<?> type, List<Class<?>> parameters, Function<Object[], Object[]> arguments,
            Function<Object, T> adapt) {

        /** The parameter list as users read it: {@code (Api, SseListener)}. */
        String describe() {
            return parameters.stream().map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** The first provider of {@code service} on the class path whose name is {@code wanted}. */
    public static <S> Optional<S> provider(Class<S> service, Function<S, String> name, String wanted) {
        try {
            for (S s : ServiceLoader.load(service, loader())) {
                if (wanted.equals(name.apply(s))) {
                    return Optional.of(s);
                }
            }
        } catch (ServiceConfigurationError broken) {
            throw new UsageException(service.getSimpleName() + " providers on the class path could not be loaded: "
                    + broken.getMessage());
        }
        return Optional.empty();
    }

    /** The names of every provider of {@code service} on the class path, in class path order. */
    public static <S> List<String> providerNames(Class<S> service, Function<S, String> name) {
        List<String> names = new ArrayList<>();
        try {
            ServiceLoader.load(service, loader()).forEach(s -> names.add(name.apply(s)));
        } catch (ServiceConfigurationError broken) {
            // listed for a message only: the lookup by name reports it
        }
        return names;
    }

    /**
     * Loads the class named {@code className} and makes an instance through the first signature whose type it
     * has and whose constructor it declares.
     *
     * @param what      the kind, for messages ({@code parser})
     * @param known     the names that would have worked, for the message when there is no such class
     * @param args      the values the signatures' {@code arguments} pick from
     * @throws UsageException one line, when it cannot
     */
    public static <T> T construct(String what, String className, List<Signature<T>> signatures, List<String> known,
            Object... args) {
        Class<?> type = classNamed(what, className, known);
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new UsageException(what + "=" + className + ": is " + (type.isInterface() ? "an interface" : "abstract")
                    + "; name a class that can be made");
        }
        boolean typed = false;
        for (Signature<T> s : signatures) {
            if (!s.type().isAssignableFrom(type)) {
                continue;
            }
            typed = true;
            Constructor<?> constructor;
            try {
                constructor = type.getConstructor(s.parameters().toArray(new Class<?>[0]));
            } catch (NoSuchMethodException e) {
                continue;
            }
            if (s.arguments() == null) {
                return s.adapt().apply(constructor);
            }
            try {
                return s.adapt().apply(constructor.newInstance(s.arguments().apply(args)));
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new UsageException(what + "=" + className + ": its constructor failed: "
                        + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new UsageException(what + "=" + className + ": cannot be made: " + e);
            }
        }
        if (!typed) {
            throw new UsageException(what + "=" + className + ": is not " + signatures.stream()
                    .map(s -> s.type().getName()).distinct().collect(Collectors.joining(" or ")));
        }
        throw new UsageException(what + "=" + className + ": needs a public constructor " + signatures.stream()
                .filter(s -> s.type().isAssignableFrom(type)).map(s -> s.describe() + " (as " + s.type().getSimpleName() + ")")
                .collect(Collectors.joining(" or ")));
    }

    /** Whether {@code name} looks like a class name rather than a label (labels have no dot). */
    public static boolean looksLikeClass(String name) {
        return name.indexOf('.') > 0;
    }

    private static Class<?> classNamed(String what, String className, List<String> known) {
        try {
            return Class.forName(className, false, loader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new UsageException("unknown " + what + "=" + className + ": no " + what + " of that name and no such "
                    + "class on the class path (java -cp my.jar:streambench.jar io.streambench.cli.Main ...), known="
                    + known);
        } catch (LinkageError e) {
            throw new UsageException(what + "=" + className + ": the class cannot be loaded: " + e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Plugins.class.getClassLoader();
    }
}
