package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.streambench.mock.MockServer;
import io.streambench.mock.MockServerConfig;
import io.streambench.mock.record.ClockReading;
import io.streambench.mock.record.RecordsJson;
import io.streambench.mock.testing.LeakTracking;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A gateway run against a standalone mock: its records over {@code /records}, its clock checked over {@code /clock}. */
@ExtendWith(LeakTracking.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StandaloneMockTest {

    @Test
    void shouldJoinAStandaloneMocksRecordsOnTheHostsClock(@TempDir Path out) throws Exception {
        try (MockServer mock = MockServer.start(MockServerConfig.defaults().withRecordLimit(1000));
                SseTestProxy proxy = SseTestProxy.passThrough(mock.port())) {
            GatewaySettings settings = new GatewaySettings(
                    URI.create("http://127.0.0.1:" + proxy.port() + "/v1/chat/completions"), null, 0,
                    URI.create(mock.baseUrl() + "/v1"), false, "500", Duration.ofSeconds(2), GatewayRunTest.PACED);
            GatewayRunTest.Ran ran = GatewayRunTest.run(settings, new io.streambench.driver.Bounds(null, 6,
                    Duration.ZERO), 2, out, null);
            assertEquals("monotonic", ran.gateway().path("clock").path("kind").asText(), ran.console());
            assertTrue(ran.console().contains("one clock: this host's CLOCK_MONOTONIC"), ran.console());
            assertEquals(6, ran.stage().path("gateway").path("joined").asInt(), ran.console());
            assertEquals(6, ran.stage().path("direct").path("joined").asInt(), ran.console());
            assertEquals("passed through", ran.fault("500").path("outcome").asText());
        }
    }

    @Test
    void shouldRefuseAMockThatRecordsNothing() throws Exception {
        try (MockServer mock = MockServer.start(MockServerConfig.defaults())) {
            GatewaySettings settings = new GatewaySettings(URI.create("http://127.0.0.1:9/v1/chat/completions"), null, 0,
                    URI.create(mock.baseUrl() + "/v1"), false, "none", Duration.ofSeconds(2), GatewayRunTest.PACED);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GatewayRunTest.run(settings, new io.streambench.driver.Bounds(null, 1, Duration.ZERO), 1,
                            Path.of("unused"), null));
            assertTrue(e.getMessage().contains("the mock records nothing: start it with 'mock --record N'"),
                    e.getMessage());
        }
    }

    @Test
    void shouldRefuseAnotherHostsClockUnlessTheWallClockJoinIsAccepted() throws Exception {
        // a mock on another host, as its /clock says: another boot id, and a nanoTime from another origin
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        long shift = TimeUnit.HOURS.toNanos(5);
        long wallAhead = 3_000; // its wall clock 3 ms ahead
        fake.createContext("/clock", x -> {
            ClockReading here = ClockReading.now();
            byte[] body = RecordsJson.clock(new ClockReading(here.nanoTime() + shift, here.epochMicros() + wallAhead,
                    "00000000-other-host", "elsewhere", "Linux", "vm"));
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        fake.start();
        try {
            URI admin = URI.create("http://127.0.0.1:" + fake.getAddress().getPort());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClockCheck.check(admin, false));
            assertTrue(e.getMessage().contains("does not share this host's clock") && e.getMessage().contains(
                    "elsewhere") && e.getMessage().contains("--gateway-clock wall"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());

            MockClock wall = ClockCheck.check(admin, true);
            assertEquals("wall", wall.kind());
            // the mock's instant "now" maps to this driver's now, give or take the wall clocks' 3 ms and a round trip
            long mockNow = System.nanoTime() + shift;
            long mapped = wall.toDriver(mockNow);
            long error = mapped - System.nanoTime();
            assertTrue(Math.abs(error - TimeUnit.MICROSECONDS.toNanos(wallAhead)) < TimeUnit.MILLISECONDS.toNanos(2),
                    "mapped " + error / 1e6 + " ms off");
            assertTrue(wall.errorNanos() >= TimeUnit.MICROSECONDS.toNanos(wallAhead) - 500_000, wall.description());
            assertTrue(wall.description().contains("ahead of this one"), wall.description());
        } finally {
            fake.stop(0);
        }
    }
}
