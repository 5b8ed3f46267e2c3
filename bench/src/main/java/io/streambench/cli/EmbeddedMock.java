package io.streambench.cli;

import java.nio.file.Path;

/**
 * The embedded mock server a run starts when it has no {@code --url}.
 *
 * @param profile  the profile to stream (sent as the request's model)
 * @param profiles an extra profiles file, or null
 */
public record EmbeddedMock(String profile, Path profiles) {

    public EmbeddedMock {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("mock profile must not be blank");
        }
    }
}
