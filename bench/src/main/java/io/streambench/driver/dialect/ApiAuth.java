package io.streambench.driver.dialect;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.streambench.client.Api;
import java.util.List;

/**
 * How each API takes its key, and where its official SDK looks for one: OpenAI's {@code Authorization: Bearer}
 * ({@code OPENAI_API_KEY}), Anthropic's {@code x-api-key} with the {@code anthropic-version} the API requires
 * ({@code ANTHROPIC_API_KEY}), Google's {@code x-goog-api-key} ({@code GOOGLE_API_KEY}, else
 * {@code GEMINI_API_KEY}, in google-genai's order).
 */
public final class ApiAuth {

    /**
     * The {@code anthropic-version} sent unless a header of the run gives another: the version the Anthropic
     * SDKs send (anthropic-sdk-python's and anthropic-java's default headers), the API's current one.
     */
    public static final String ANTHROPIC_VERSION = "2023-06-01";

    private ApiAuth() {
    }

    /** The environment variables the API's SDK reads its key from, first found first used. */
    public static List<String> keyVariables(Api api) {
        return switch (api) {
            case CHAT, COMPLETIONS, RESPONSES -> List.of("OPENAI_API_KEY");
            case MESSAGES -> List.of("ANTHROPIC_API_KEY");
            case GEMINI -> List.of("GOOGLE_API_KEY", "GEMINI_API_KEY");
        };
    }

    /**
     * Sets the headers {@code api} takes its key in ({@code key} may be null: then only the headers it requires
     * anyway). The run's own headers are set after these, so a {@code --header} replaces any of them.
     */
    public static void set(Api api, String key, HttpHeaders headers) {
        switch (api) {
            case CHAT, COMPLETIONS, RESPONSES -> {
                if (key != null) {
                    headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key);
                }
            }
            case MESSAGES -> {
                if (key != null) {
                    headers.set("x-api-key", key);
                }
                headers.set("anthropic-version", ANTHROPIC_VERSION);
            }
            case GEMINI -> {
                if (key != null) {
                    headers.set("x-goog-api-key", key);
                }
            }
        }
    }
}
