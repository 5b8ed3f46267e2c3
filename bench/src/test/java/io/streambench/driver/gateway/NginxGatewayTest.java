package io.streambench.driver.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.driver.Bounds;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx (Debian's package) as the gateway, in front of the embedded mock, with its own configuration on loopback
 * ports: without proxy buffering it passes each event on as it comes; with buffering (and nginx's default
 * HTTP/1.0 to the upstream, a body that ends with the connection) it holds the events until a buffer fills.
 * Skipped, with a line that says so, where nginx is not installed ({@code .ci/run} installs it).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NginxGatewayTest {

    private static Path nginx() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "nginx");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** nginx with two servers in front of the mock: {@code unbuffered} and {@code buffered}, stopped on close. */
    private static final class Nginx implements AutoCloseable {
        final int unbuffered;
        final int buffered;
        private final Process process;
        private final Path dir;

        Nginx(Path binary, Path dir, int mockPort) throws Exception {
            this.dir = dir;
            this.unbuffered = GatewayRunTest.freePort();
            this.buffered = GatewayRunTest.freePort();
            String root = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
            Files.writeString(dir.resolve("nginx.conf"), root + """
                    worker_processes 1;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 1024; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      upstream mock { server 127.0.0.1:%2$d; keepalive 16; }
                      server {
                        listen 127.0.0.1:%3$d;
                        location / {
                          proxy_pass http://mock;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_buffering off;
                        }
                      }
                      server {
                        listen 127.0.0.1:%4$d;
                        location / {
                          proxy_pass http://mock;
                          proxy_buffering on;
                          proxy_max_temp_file_size 0;
                        }
                      }
                    }
                    """.formatted(dir, mockPort, unbuffered, buffered), StandardCharsets.US_ASCII);
            process = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(listening(unbuffered) && listening(buffered))) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String why = Files.readString(dir.resolve("nginx.out")) + read(dir.resolve("error.log"));
                    close();
                    throw new AssertionError("nginx did not start: " + why);
                }
                Thread.sleep(50);
            }
        }

        private static String read(Path file) throws IOException {
            return Files.exists(file) ? Files.readString(file) : "";
        }

        private static boolean listening(int port) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy(); // SIGTERM: the master stops its worker and exits
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldShowWhatNginxBufferingDoesToAStream(@TempDir Path out, @TempDir Path conf) throws Exception {
        Path binary = nginx();
        if (binary == null) {
            System.out.println("NginxGatewayTest skipped: nginx is not installed (apt-get install -y nginx; .ci/run "
                    + "installs it where it can)");
        }
        Assumptions.assumeTrue(binary != null, "nginx is not installed (apt-get install -y nginx)");
        int mockPort = GatewayRunTest.freePort();
        try (Nginx nginx = new Nginx(binary, conf, mockPort)) {
            Bounds bounds = new Bounds(Duration.ofSeconds(3), 0, Duration.ofSeconds(1));
            GatewayRunTest.Ran off = GatewayRunTest.run(nginx.unbuffered, mockPort, bounds, 2, "reset",
                    Duration.ofSeconds(2), out);
            GatewayRunTest.Ran on = GatewayRunTest.run(nginx.buffered, mockPort, bounds, 2, "reset",
                    Duration.ofSeconds(2), out);
            System.out.println("nginx proxy_buffering off:" + section(off.console()));
            System.out.println("nginx proxy_buffering on:" + section(on.console()));

            JsonNode offStage = off.stage();
            double offAdded = offStage.path("added_by_gateway").path("event_delay").path("p50_ms").asDouble();
            assertTrue(offAdded < 1.0, "unbuffered adds little per event: " + offAdded + off.console());
            assertTrue(GatewayRunTest.mergedShare(offStage.path("gateway"))
                    <= GatewayRunTest.mergedShare(offStage.path("direct")) + 0.05, "and merges nothing: " + off.console());
            assertEquals(offStage.path("gateway").path("events").path("mock").asLong(),
                    offStage.path("gateway").path("events").path("unchanged").asLong(), off.console());

            JsonNode onStage = on.stage();
            double onAdded = onStage.path("added_by_gateway").path("event_delay").path("p50_ms").asDouble();
            assertTrue(GatewayRunTest.mergedShare(onStage.path("gateway")) > 0.5, "buffered merges: " + on.console());
            assertTrue(onAdded > 10, "and holds the events: " + onAdded + on.console());
            assertEquals(onStage.path("gateway").path("events").path("mock").asLong(),
                    onStage.path("gateway").path("events").path("unchanged").asLong(), "held, not changed");
            assertTrue(on.console().contains("mock writes delivered together with another: "), on.console());

            // a reset after 3 events: passed on as it came without buffering; with it, the held events went too
            assertEquals("passed through (stream cut)", off.fault("reset").path("outcome").asText(), off.console());
            assertEquals("passed through (stream cut); 3 of the mock's 3 events never reached the client",
                    on.fault("reset").path("outcome").asText(), on.console());
        }
    }

    private static String section(String console) {
        int at = console.indexOf("\ngateway http");
        return at < 0 ? console : console.substring(at);
    }
}
