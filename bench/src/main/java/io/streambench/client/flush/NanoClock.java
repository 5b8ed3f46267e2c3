package io.streambench.client.flush;

/** Where flush decisions read the time; replace it in tests to make them deterministic. */
@FunctionalInterface
public interface NanoClock {

    /** The monotonic clock every run uses. */
    NanoClock SYSTEM = System::nanoTime;

    /** Now, in the {@code System.nanoTime()} time base. */
    long nanoTime();
}
