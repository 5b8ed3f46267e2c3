package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streambench.mock.testing.PomVersion;
import org.junit.jupiter.api.Test;

/** The version the command lines and the User-Agent show is the build's. */
class VersionTest {

    @Test
    void shouldBeTheVersionInThePom() {
        assertEquals(PomVersion.ofThisModule(), Version.current());
    }
}
