package io.streambench.driver.dialect;

import io.streambench.client.Api;
import io.streambench.driver.RequestEncoder;

/**
 * The body encoder of each API.
 *
 * <pre>{@code
 * RequestEncoder encoder = ApiBodies.encoder(Api.MESSAGES, new BodyOptions("claude-sonnet-4-5", 4096, true,
 *         tools, null, 2048));
 * }</pre>
 */
public final class ApiBodies {

    private ApiBodies() {
    }

    /**
     * {@code api}'s encoder for {@code options}; IllegalArgumentException for an option the API has no field for
     * (a reasoning budget for chat, tools for legacy completions...).
     */
    public static RequestEncoder encoder(Api api, BodyOptions options) {
        return switch (api) {
            case CHAT -> ChatBodies.of(options);
            case COMPLETIONS -> new CompletionsEncoder(options);
            case RESPONSES -> new ResponsesEncoder(options);
            case MESSAGES -> new MessagesEncoder(options);
            case GEMINI -> new GeminiEncoder(options);
        };
    }
}
