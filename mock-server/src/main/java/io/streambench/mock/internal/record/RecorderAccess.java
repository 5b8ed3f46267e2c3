package io.streambench.mock.internal.record;

import io.streambench.mock.record.Recorder;
import java.util.function.Function;

/**
 * How the request path reaches the {@link Recording} of a {@link Recorder} without the Recorder having a public
 * member for it (the API would then name an internal type). Recorder hands over its accessor once, from its
 * static initializer, as the JDK's {@code SharedSecrets} do: a Recorder exists only after that ran, so
 * {@link #recording} always finds it.
 */
public final class RecorderAccess {

    private static volatile Function<Recorder, Recording> access;

    private RecorderAccess() {
    }

    /**
     * Called by {@link Recorder}'s static initializer, once.
     *
     * @throws IllegalStateException when it was called before
     */
    public static synchronized void grant(Function<Recorder, Recording> recordingOf) {
        if (access != null) {
            throw new IllegalStateException("the Recorder accessor is granted once, by Recorder");
        }
        access = recordingOf;
    }

    /** The records behind {@code recorder}, where the request path starts the record of a tagged request. */
    public static Recording recording(Recorder recorder) {
        return access.apply(recorder);
    }
}
