package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.profile.ProfileLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link MockServer#warmUp}: every API's route answers it, it stays in its bounds and leaves nothing behind. */
class WarmupTest {

    @Test
    void streamsEveryAnswerThroughEveryRouteAndLeavesNoThreadBehind() {
        // 250 answers: 50 through each of the five routes, any of which refusing its request shows as failed.
        MockServer.Warmup w = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> MockServer.warmUp(MockServerConfig.defaults(), 250, Duration.ofSeconds(25)));

        assertEquals(250, w.answers(), w.toString());
        assertEquals(0, w.failed(), w.toString());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("mock-warmup-")
                && t.isAlive()), "warm-up threads must be joined");
    }

    @Test
    void warmsTheDefaultProfileOfAProfilesFile() throws InterruptedException {
        var profiles = ProfileLoader.parse("default_profile: mine\nprofiles: {mine: {extends: paced, output_tokens: 2}}");

        MockServer.Warmup w = MockServer.warmUp(MockServerConfig.defaults().withProfiles(profiles), 20,
                Duration.ofSeconds(20));

        assertEquals(20, w.answers(), w.toString());
        assertEquals(0, w.failed(), w.toString());
    }

    @Test
    void leavesTheServerStartedAfterItUntouched() throws InterruptedException {
        MockServer.warmUp(MockServerConfig.defaults(), 20, Duration.ofSeconds(20));

        try (MockServer server = MockServer.start(MockServerConfig.defaults())) {
            assertEquals(0, server.stats().streamsStarted());
        }
    }

    @Test
    void stopsAtItsTimeLimit() {
        MockServer.Warmup w = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> MockServer.warmUp(MockServerConfig.defaults(), 1_000_000, Duration.ofMillis(300)));

        assertTrue(w.answers() < 1_000_000, w.toString());
        assertTrue(w.took().compareTo(Duration.ofSeconds(12)) < 0, w.toString());
    }

    @Test
    void refusesNoAnswers() {
        assertThrows(IllegalArgumentException.class,
                () -> MockServer.warmUp(MockServerConfig.defaults(), 0, Duration.ofSeconds(1)));
    }
}
