package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
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
        "http://h/v1/mychat/completions, http://h/v1/mychat/completions/chat/completions",
        // not an http URL with a host: left for Target to refuse with its own message
        "ftp://h/v1, ftp://h/v1",
        "localhost:8080/v1, localhost:8080/v1",
    })
    void shouldCompleteABaseUrlAsTheSdksDoAndKeepAnEndpointUrl(String given, String expected) {
        assertEquals(URI.create(expected), Api.CHAT_COMPLETIONS.resolve(URI.create(given)));
    }
}
