package io.streambench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streambench.driver.Bounds;
import io.streambench.driver.ClientOptions;
import io.streambench.driver.Requests;
import io.streambench.driver.RetryPolicy;
import io.streambench.driver.RunConfig;
import io.streambench.driver.RunOutcome;
import io.streambench.driver.Target;
import io.streambench.driver.Timeouts;
import io.streambench.driver.Workload;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDocumentsTest {

    @Test
    void shouldMaskCredentialsOnlyAndKeepTheRunsSettings(@TempDir Path dir) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String credential : List.of("Authorization", "Proxy-Authorization", "x-api-key", "api-key",
                "x-goog-api-key", "Cookie", "x-client-secret", "x-auth-token", "x-amz-security-token", "X-Password",
                "x-credentials", "token")) {
            headers.put(credential, "s3cr3t");
        }
        Map<String, String> settings = Map.of("x-mock-output-tokens", "10", "x-mock-tokens-per-chunk", "uniform:1:3",
                "x-mock-ttft-ms", "200", "x-mock-fault", "http:status=429", "OpenAI-Organization", "org-1",
                "x-max-tokens-hint", "5");
        headers.putAll(settings);
        Target target = new Target(URI.create("http://127.0.0.1:8080/v1/chat/completions"), headers, "sk-key",
                Requests.ofPrompt("m", "Hi", 0, true), false);
        RunConfig config = new RunConfig("masking", target, List.of(new Workload.Closed(1)),
                new Bounds(null, 1, java.time.Duration.ZERO), Timeouts.DEFAULTS, RetryPolicy.DEFAULTS,
                ClientOptions.defaults(), 1, 1);
        Path file = dir.resolve("run.json");
        Instant now = Instant.now();

        RunDocuments.write(file, config, new RunOutcome(List.of(), false, 0, 0), now, now, List.of(), null, 0, 0, null,
                null);
        JsonNode written = new ObjectMapper().readTree(file.toFile()).at("/config/target/headers");

        headers.forEach((name, value) -> assertEquals(settings.containsKey(name) ? value : "***",
                written.path(name).asText(), name));
        assertEquals("set", new ObjectMapper().readTree(file.toFile()).at("/config/target/api_key").asText());
    }
}
