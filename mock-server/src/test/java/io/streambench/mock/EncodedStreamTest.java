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

/** The benchmarks' entry point encodes what the server sends, byte for byte. */
@ExtendWith(LeakTracking.class)
class EncodedStreamTest {

    private static final Profiles PROFILES = ProfileLoader.parse("""
            profiles:
              padded: {extends: realistic, ttft_ms: 0, itl_ms: 0, usage_null_on_chunks: true}
            """);
    private static final String USER = "Tell me about streaming, caf\u00e9 \u6771\u4eac.";
    private static final Map<String, String> HEADERS = Map.of(RequestOverrides.SEED, "11",
            RequestOverrides.OUTPUT_TOKENS, "300", RequestOverrides.PADDING_BYTES, "uniform:0:30");

    @Test
    void shouldEncodeExactlyTheEventsTheServerSendsForTheSameRequest() throws Exception {
        String served;
        try (MockServer server = MockServer.start(MockServerConfig.defaults().withProfiles(PROFILES));
                RawHttpClient c = new RawHttpClient(server.port())) {
            served = c.postAndRead("/v1/chat/completions", "{\"model\":\"padded\",\"stream\":true,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"" + USER + "\"}]}",
                    RequestOverrides.SEED, "11", RequestOverrides.OUTPUT_TOKENS, "300",
                    RequestOverrides.PADDING_BYTES, "uniform:0:30").body();
        }
        EncodedStream stream = EncodedStream.chatCompletions(PROFILES.named("padded"), USER, HEADERS);
        String encoded = encodeAll(stream);
        assertTrue(encoded.endsWith("data: [DONE]\n\n"), encoded);
        assertEquals(withoutCreated(served), withoutCreated(encoded));
        assertEquals(encoded, encodeAll(stream.restart()), "a restart encodes the same stream again");
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
    private static String withoutCreated(String events) {
        return events.replaceAll("\"created\":\\d+", "\"created\":0");
    }
}
