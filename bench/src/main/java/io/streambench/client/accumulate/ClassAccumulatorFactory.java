package io.streambench.client.accumulate;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** A user's {@link Accumulator} class, made per stream through its public {@code (int)} or no-argument constructor. */
final class ClassAccumulatorFactory implements AccumulatorFactory {

    private final String className;
    private final Constructor<?> constructor;
    private final boolean limited;

    ClassAccumulatorFactory(String className, Constructor<?> constructor, boolean limited) {
        this.className = className;
        this.constructor = constructor;
        this.limited = limited;
    }

    @Override
    public String label() {
        return className;
    }

    @Override
    public boolean limited() {
        return limited;
    }

    @Override
    public Accumulator create(int maxChars) {
        try {
            return (Accumulator) (limited ? constructor.newInstance(maxChars) : constructor.newInstance());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("accumulator=" + className + ": its constructor failed: " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("accumulator=" + className + ": " + e, e);
        }
    }
}
