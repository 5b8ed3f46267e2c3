package io.streambench.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorSummaryTest {

    @Test
    void shouldQuoteTheServersErrorMessageAfterTheStatus() {
        assertEquals("HTTP 404 \"Unknown request URL: POST /v1. Please check the URL for typos.\"",
                ErrorSummary.of(ErrorClass.HTTP_STATUS, 404, "status=404 {\"error\":{\"message\":\"Unknown request "
                        + "URL: POST /v1. Please check the URL for typos.\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"unknown_url\"}}"));
        assertEquals("HTTP 404 \"Not Found\"", ErrorSummary.of(ErrorClass.HTTP_STATUS, 404,
                "status=404 {\"detail\":\"Not Found\"}"));
        assertEquals("HTTP 502 \"502 Bad Gateway\"", ErrorSummary.of(ErrorClass.HTTP_STATUS, 502,
                "status=502 <html> <head><title>502 Bad Gateway</title></head> <body>nginx</body></html>"));
        assertEquals("HTTP 401", ErrorSummary.of(ErrorClass.HTTP_STATUS, 401, "status=401"));
    }

    @Test
    void shouldReadTheMessageOfABodyCutInsideIt() {
        assertEquals("HTTP 400 \"max_tokens is too \"large\" for this\"", ErrorSummary.of(ErrorClass.HTTP_STATUS, 400,
                "status=400 {\"error\":{\"message\":\"max_tokens is too \\\"large\\\" for this"));
    }

    @Test
    void shouldCountRateLimitMessagesThatDifferOnlyInNumbersAndIdsAsOne() {
        String a = ErrorSummary.of(ErrorClass.HTTP_STATUS, 429, "status=429 {\"error\":{\"message\":\"Rate limit "
                + "reached for gpt-4o-mini in organization org-abc on tokens per min (TPM): Limit 200000, Used 199766, "
                + "Requested 1024. Please try again in 237ms.\"}}");
        String b = ErrorSummary.of(ErrorClass.HTTP_STATUS, 429, "status=429 {\"error\":{\"message\":\"Rate limit "
                + "reached for gpt-4o-mini in organization org-abc on tokens per min (TPM): Limit 200000, Used 198001, "
                + "Requested 2048. Please try again in 412ms.\"}}");
        assertEquals(a, b);
        assertTrue(a.contains("gpt-4o-mini") && a.contains("Limit #, Used #"), a);
        assertEquals("HTTP 429 \"Please try again in #ms or #s, after 20 seconds\"", ErrorSummary.of(
                ErrorClass.HTTP_STATUS, 429, "status=429 {\"message\":\"Please try again in 237ms or 1.5s, after 20 seconds\"}"));
        assertEquals(ErrorSummary.of(ErrorClass.ERROR_EVENT, 200,
                        "overloaded at 2026-12-01T06:00:00.123Z, request 3f2a1b4c-0d9e-4f5a-8b7c-6d5e4f3a2b1c"),
                ErrorSummary.of(ErrorClass.ERROR_EVENT, 200,
                        "overloaded at 2026-12-01T06:00:07Z, request 9a8b7c6d-5e4f-4a3b-8c1d-0e9f8a7b6c5d"));
    }

    @Test
    void shouldKeepTheDriversOwnMessagesAndCutLongOnes() {
        assertEquals("connection refused by 127.0.0.1:8080",
                ErrorSummary.of(ErrorClass.CONNECT, 0, "connection refused by 127.0.0.1:8080"));
        String long1 = ErrorSummary.of(ErrorClass.RESET, 0, "x".repeat(500));
        assertEquals(ErrorSummary.MAX_CHARS, long1.length());
        assertTrue(long1.endsWith("..."));
    }

    @Test
    void shouldSayWhatANonStreamWas() {
        assertEquals("HTTP 200 text/html, not text/event-stream", ErrorSummary.of(ErrorClass.NOT_SSE, 200,
                "status=200 content-type=\"text/html; charset=utf-8\" <!DOCTYPE html>"));
        assertEquals("HTTP 200 application/json, not text/event-stream \"quota exceeded\"",
                ErrorSummary.of(ErrorClass.NOT_SSE, 200,
                        "status=200 content-type=\"application/json\" {\"error\":{\"message\":\"quota exceeded\"}}"));
    }
}
