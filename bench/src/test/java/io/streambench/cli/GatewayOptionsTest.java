package io.streambench.cli;

import static io.streambench.cli.Cli.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.cli.Cli.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code run --gateway} options that do not fit together are refused before anything starts: exit 2, one line. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayOptionsTest {

    private static final String GATEWAY = "--gateway http://127.0.0.1:9/v1 --requests 1";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("--mock-port 9100 --requests 1", List.of("--mock-port applies to --gateway only")),
                Arguments.of("--gateway-faults none --requests 1", List.of("--gateway-faults applies to --gateway only")),
                Arguments.of(GATEWAY + " --mock-port 9100 --url http://127.0.0.1:9/v1",
                        List.of("--gateway and --url exclude each other")),
                Arguments.of(GATEWAY, List.of("--gateway needs --mock-port P", "--mock-url URL")),
                Arguments.of(GATEWAY + " --mock-port 9100 --parser okhttp-sse", List.of("--parser okhttp-sse",
                        "first token")),
                Arguments.of(GATEWAY + " --mock-port 9100 --gateway-faults 429,teapot", List.of("'teapot'")),
                Arguments.of(GATEWAY + " --mock-port 9100 --gateway-clock wall", List.of("--gateway-clock applies to "
                        + "--mock-url only")),
                Arguments.of(GATEWAY + " --mock-port 9100 --mock-tls", List.of("--mock-tls does not apply")),
                Arguments.of(GATEWAY + " --mock-port 9100 --no-send-stamps", List.of("send-stamps", "--gateway")),
                Arguments.of(GATEWAY + " --mock-port 9100 --fault-timeout 0s", List.of("--fault-timeout")),
                Arguments.of(GATEWAY + " --mock-port 9100 --ttft-ms lognormal:abc", List.of("--ttft-ms")),
                Arguments.of(GATEWAY + " --mock-port 9100 --input-tokens 100", List.of("--gateway tags bodies made at "
                        + "start", "synthetic input=")),
                Arguments.of(GATEWAY + " --mock-port 9100 --output-tokens 20 --ignore-eos", List.of("--ignore-eos",
                        "--gateway")),
                Arguments.of(GATEWAY + " --mock-url http://127.0.0.1:9/v1 --mock-port 9100",
                        List.of("--mock-url excludes --mock-port")),
                Arguments.of(GATEWAY + " --mock-url http://127.0.0.1:9/v1 --mock-profiles {file}",
                        List.of("--mock-profiles", "mock --profiles FILE --record N")),
                Arguments.of(GATEWAY + " --mock-url http://127.0.0.1:9/v1 --gateway-clock sometimes",
                        List.of("--gateway-clock must be same or wall")),
                Arguments.of(GATEWAY + " --mock-url http://127.0.0.1:9/v1", List.of("--mock-url",
                        "cannot read the mock's clock", "127.0.0.1:9")));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void shouldRefuseWithExitTwoAndOneLine(String line, List<String> expected, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("profiles.yaml"), "profiles: {}\n");
        Path reports = dir.resolve("reports");
        List<String> args = new ArrayList<>(List.of("run", "--quiet", "--client-warmup", "0", "--out",
                reports.toString()));
        Arrays.stream(line.split(" ")).map(a -> a.replace("{file}", file.toString())).forEach(args::add);
        Outcome o = execute(args.toArray(String[]::new));

        assertEquals(2, o.code(), () -> line + " -> " + o);
        assertEquals(1, o.err().strip().lines().count(), () -> line + " -> " + o.err());
        for (String part : expected) {
            assertTrue(o.err().contains(part), () -> part + " in " + o.err());
        }
        assertFalse(Files.exists(reports) && Files.list(reports).findAny().isPresent(), "no report for a refused run");
    }
}
