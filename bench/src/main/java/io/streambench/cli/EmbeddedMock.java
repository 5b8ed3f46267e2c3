package io.streambench.cli;

import io.streambench.mock.UsageException;
import java.nio.file.Path;

/**
 * The embedded mock server a run starts when it has no {@code --url}.
 *
 * @param profile  the profile to stream (sent as the request's model)
 * @param profiles an extra profiles file, or null
 * @param tls      serve https with a self-signed certificate made at start, which the driver then trusts
 */
public record EmbeddedMock(String profile, Path profiles, boolean tls) {

    public EmbeddedMock {
        if (profile == null || profile.isBlank()) {
            throw new UsageException("mock profile must not be blank");
        }
    }

    /** Plain http. */
    public EmbeddedMock(String profile, Path profiles) {
        this(profile, profiles, false);
    }
}
