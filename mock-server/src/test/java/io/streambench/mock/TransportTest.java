package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.mock.profile.RequestOverrides;
import io.streambench.mock.testing.LeakTracking;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transports by name, and the mock serving a stream over each one this machine has. */
@ExtendWith(LeakTracking.class)
class TransportTest {

    private static final String BODY = "{\"model\":\"instant\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldServeAStreamOverEveryAvailableTransportAndSayWhichOnStats(Transport transport) throws Exception {
        assumeTrue(transport.isAvailable(), transport + " is not available here");
        MockServerConfig config = new MockServerConfig("127.0.0.1", 0, MockServerConfig.defaults().profiles(), 1,
                MockServerConfig.DEFAULT_MAX_BODY_BYTES, transport, MockServerConfig.DEFAULT_IDLE_TIMEOUT_MILLIS, null);
        try (MockServer server = MockServer.start(config); RawHttpClient c = new RawHttpClient(server.port())) {
            assertSame(transport, server.transport());
            RawHttpClient.Response r = c.postAndRead("/v1/chat/completions", BODY, RequestOverrides.OUTPUT_TOKENS, "3");
            assertEquals(200, r.status());
            assertEquals("[DONE]", r.events().get(r.events().size() - 1).data());
            c.send("GET /stats HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(transport.label(), new ObjectMapper().readTree(c.read(0).body()).get("transport").asText());
        }
    }

    @Test
    void shouldNameTransportsAsTheCommandLineDoesAndTakeAutoForTheBest() {
        assertEquals(List.of("auto", "nio", "epoll", "io_uring"), Transport.names());
        for (Transport t : Transport.values()) {
            assertSame(t, Transport.named(t.label()));
            assertSame(t, Transport.named(t.label().toUpperCase(java.util.Locale.ROOT)));
            assertEquals(t.label(), t.toString());
        }
        assertSame(Transport.best(), Transport.named("auto"));
        assertSame(Transport.EPOLL.isAvailable() ? Transport.EPOLL : Transport.NIO, Transport.best());
        assertSame(Transport.best(), MockServerConfig.defaults().transport(), "no transport given: the best");
    }

    @Test
    void shouldRefuseAnUnknownTransportAsBadUsageNamingTheKnownOnes() {
        UsageException e = assertThrows(UsageException.class, () -> Transport.named("dpdk"));
        assertEquals("unknown transport=dpdk, known=[auto, nio, epoll, io_uring]", e.getMessage());
        assertTrue(Transport.NIO.isAvailable());
        assertSame(Transport.NIO, Transport.NIO.requireAvailable());
    }
}
