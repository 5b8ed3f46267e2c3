package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.profile.Profiles;
import io.streambench.mock.profile.RequestOverrides;
import io.streambench.mock.testing.LeakTracking;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmarks' entry point encodes what the server sends, byte for byte, in each API's format. */
@ExtendWith(LeakTracking.class)
class EncodedStreamTest {

    private static final Profiles PROFILES = ProfileLoader.parse("""
            profiles:
              padded: {extends: realistic, ttft_ms: 0, itl_ms: 0, usage_null_on_chunks: true}
            """);
    private static final String USER = "Tell me about streaming, caf\u00e9 \u6771\u4eac.";
    private static final Map<String, String> HEADERS = Map.of(RequestOverrides.SEED, "11",
            RequestOverrides.OUTPUT_TOKENS, "300", RequestOverrides.PADDING_BYTES, "uniform:0:30",
            RequestOverrides.REASONING_TOKENS, "uniform:0:20");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            chat        | /v1/chat/completions | "messages":[{"role":"user","content":"%s"}]  | data: [DONE]\\n\\n
            responses   | /v1/responses        | "input":"%s"                                  | "sequence_number":
            completions | /v1/completions      | "prompt":"%s","max_tokens":100000             | data: [DONE]\\n\\n
            messages    | /v1/messages         | "max_tokens":100000,"messages":[{"role":"user","content":"%s"}] | event: message_stop
            gemini      | /v1beta/models/padded:streamGenerateContent?alt=sse | "contents":[{"parts":[{"text":"%s"}]}] | "finishReason": "STOP"
            """)
    void shouldEncodeExactlyTheEventsTheServerSendsForTheSameRequest(String api, String path, String prompt,
            String ending) throws Exception {
        String served;
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withProfiles(PROFILES));
                RawHttpClient c = new RawHttpClient(server.port())) {
            served = c.postAndRead(path, "{\"model\":\"padded\",\"stream\":true," + prompt.formatted(USER) + "}",
                    RequestOverrides.SEED, "11", RequestOverrides.OUTPUT_TOKENS, "300",
                    RequestOverrides.PADDING_BYTES, "uniform:0:30", RequestOverrides.REASONING_TOKENS, "uniform:0:20",
                    "anthropic-version", "2023-06-01")
                    .body();
        }
        EncodedStream stream = EncodedStream.of(api, PROFILES.named("padded"), USER, HEADERS);
        String encoded = encodeAll(stream);
        assertTrue(encoded.contains(ending.replace("\\n", "\n")), encoded);
        assertEquals(withoutClock(served), withoutClock(encoded));
        assertEquals(withoutClock(encoded), withoutClock(encodeAll(stream.restart())),
                "a restart encodes the same stream again");
    }

    @Test
    void shouldKeepTheChatCompletionsEntryPoint() {
        assertEquals(encodeAll(EncodedStream.of("chat", PROFILES.named("padded"), USER, HEADERS)),
                encodeAll(EncodedStream.chatCompletions(PROFILES.named("padded"), USER, HEADERS)));
    }

    @Test
    void shouldRefuseHeadersThatDoNotApplyOrCannotBeUsed() {
        assertThrows(IllegalArgumentException.class, () -> EncodedStream.chatCompletions(PROFILES.named("padded"),
                USER, Map.of(RequestOverrides.FAULT, "no_done")));
        assertThrows(IllegalArgumentException.class, () -> EncodedStream.chatCompletions(PROFILES.named("padded"),
                USER, Map.of(RequestOverrides.PROFILE, "instant")));
        assertThrows(IllegalArgumentException.class, () -> EncodedStream.chatCompletions(PROFILES.named("padded"),
                USER, Map.of(RequestOverrides.TTFT_MS, "10")));
        assertThrows(IllegalArgumentException.class, () -> EncodedStream.chatCompletions(PROFILES.named("padded"),
                USER, Map.of("x-mock-output-token", "10")));
        assertThrows(IllegalArgumentException.class, () -> EncodedStream.chatCompletions(PROFILES.named("padded"),
                USER, Map.of(RequestOverrides.OUTPUT_TOKENS, "many")));
        assertThrows(IllegalArgumentException.class, () -> EncodedStream.of("messages-v0", PROFILES.named("padded"),
                USER, Map.of()));
    }

    private static String encodeAll(EncodedStream stream) {
        ByteBuf out = Unpooled.buffer();
        try {
            while (!stream.finished()) {
                stream.writeStep(out, 0);
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    /** The server and the encoder may run in different seconds. */
    private static String withoutClock(String events) {
        return events.replaceAll("\"(created|created_at|completed_at)\":\\d+", "\"$1\":0");
    }
}
