package io.streambench.client.sse;

import io.streambench.client.Api;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * A user's {@link SseParser} class, named on the command line, made per stream through its public
 * {@code (Api, SseListener)} constructor; its label is the class name.
 */
final class ClassParserFactory implements ParserFactory {

    private final String className;
    private final Constructor<?> constructor;

    /** @param constructor the class's public {@code (Api, SseListener)} constructor */
    ClassParserFactory(String className, Constructor<?> constructor) {
        this.className = className;
        this.constructor = constructor;
    }

    @Override
    public String label() {
        return className;
    }

    @Override
    public SseParser create(Api api, SseListener listener) {
        try {
            return (SseParser) constructor.newInstance(api, listener);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("parser=" + className + ": its constructor failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("parser=" + className + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return className;
    }
}
