package io.streambench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiTest {

    @ParameterizedTest
    @CsvSource({
        // base URLs as the OpenAI SDKs take them: the endpoint path is appended
        "http://127.0.0.1:8080/v1, http://127.0.0.1:8080/v1/chat/completions",
        "http://127.0.0.1:8080/v1/, http://127.0.0.1:8080/v1/chat/completions",
        "http://127.0.0.1:8080/v1//, http://127.0.0.1:8080/v1/chat/completions",
        "https://api.openai.com/v1, https://api.openai.com/v1/chat/completions",
        "http://127.0.0.1:8080, http://127.0.0.1:8080/chat/completions",
        "http://127.0.0.1:8080/, http://127.0.0.1:8080/chat/completions",
        "https://gw.example/openai/deployments/x?api-version=2024-10-21, "
                + "https://gw.example/openai/deployments/x/chat/completions?api-version=2024-10-21",
        "http://[::1]:8080/v1, http://[::1]:8080/v1/chat/completions",
        "http://h/v1%20x, http://h/v1%20x/chat/completions",
        "http://h/v1#part, http://h/v1/chat/completions",
        // a full endpoint URL is used as given
        "http://127.0.0.1:8080/v1/chat/completions, http://127.0.0.1:8080/v1/chat/completions",
        "http://127.0.0.1:8080/chat/completions/, http://127.0.0.1:8080/chat/completions/",
        "http://h/v1/chat/completions?x=1, http://h/v1/chat/completions?x=1",
        // only whole path segments count
        "http://h/v1/myresponses, http://h/v1/myresponses/chat/completions",
        // a path that ends in /completions names the legacy completions endpoint: kept
        "http://h/v1/mychat/completions, http://h/v1/mychat/completions",
        // not an http URL with a host: left for Target to refuse with its own message
        "ftp://h/v1, ftp://h/v1",
        "localhost:8080/v1, localhost:8080/v1",
    })
    void shouldCompleteABaseUrlAsTheSdksDoAndKeepAnEndpointUrl(String given, String expected) {
        assertEquals(URI.create(expected), Api.CHAT.resolve(URI.create(given), "gpt-4o"));
    }

    @ParameterizedTest
    @CsvSource({
        // the other OpenAI APIs, from the same base URLs as the OpenAI SDKs take them
        "completions, http://127.0.0.1:8080/v1, http://127.0.0.1:8080/v1/completions",
        "responses, https://api.openai.com/v1/, https://api.openai.com/v1/responses",
        // the Anthropic and Gemini SDKs take the server's URL and add the version themselves
        "messages, https://api.anthropic.com, https://api.anthropic.com/v1/messages",
        "messages, http://127.0.0.1:8080/, http://127.0.0.1:8080/v1/messages",
        "gemini, https://generativelanguage.googleapis.com, "
                + "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
        "gemini, http://h:8080/proxy?k=1, http://h:8080/proxy/v1beta/models/gemini-2.5-flash:streamGenerateContent?k=1&alt=sse",
        // an endpoint of any API is kept as given, whichever API resolves it
        "chat, http://h/v1/responses, http://h/v1/responses",
        "gemini, http://h/v1/chat/completions, http://h/v1/chat/completions",
        "chat, http://h/messages, http://h/messages",
        "chat, http://h/v1/models/m:streamGenerateContent?alt=sse, http://h/v1/models/m:streamGenerateContent?alt=sse",
        "completions, http://h/v1/chat/completions, http://h/v1/chat/completions",
        // only a whole last segment names Gemini's method
        "chat, http://h/v1/:streamGenerateContent, http://h/v1/:streamGenerateContent/chat/completions",
    })
    void shouldResolveEveryApiAsItsSdkDoes(String api, String given, String expected) {
        assertEquals(URI.create(expected), Api.named(api).resolve(URI.create(given), "gemini-2.5-flash"));
    }

    @Test
    void shouldNameEveryApiAsUsersTypeItAndRefuseOtherNames() {
        assertEquals(List.of("chat", "completions", "responses", "messages", "gemini"), Api.labels());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Api.named("anthropic"));
        assertEquals("unknown api=anthropic, known=[chat, completions, responses, messages, gemini]", error.getMessage());
    }
}
