package io.streambench.mock.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.internal.fault.ArmedFaults;
import io.streambench.mock.internal.wire.ChatRequest;
import io.streambench.mock.profile.ProfileLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admission alone: a decoded request, headers and a clock in, answered or refused out; no server. */
class AdmissionTest {

    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final List<ChatRequest.Tool> TOOLS = List.of(new ChatRequest.Tool("get_weather", null));

    private final Admission admission = new Admission(ProfileLoader.parse("""
            profiles:
              keyed: {extends: instant, require_api_key: true}
              limited: {extends: instant, rate_limit: {requests_per_minute: 1}}
              per-key: {extends: instant, rate_limit: {requests_per_minute: 1, per_key: true}}
            """), new RateLimiter(), new ArmedFaults.Counters());

    private static ChatRequest request(String model, boolean stream) {
        return new ChatRequest(model, stream, false, 0, 1, List.of(), ChatRequest.ToolChoice.AUTO, true, null, "hi", 5);
    }

    private Admission.Outcome admit(ChatRequest request, String... headers) {
        return admitAt(0, request, headers);
    }

    private Admission.Outcome admitAt(long nowNanos, ChatRequest request, String... headers) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return admission.admit(request, h::get, nowNanos, 1_790_000_000L);
    }

    private static ErrorReply refused(Admission.Outcome outcome) {
        return assertInstanceOf(Admission.Refused.class, outcome).error();
    }

    @Test
    void shouldAdmitWithThePlanOfTheSeedHeaderAndTheHeadersThatReplayIt() {
        Admission.Admitted a = assertInstanceOf(Admission.Admitted.class,
                admit(request("instant", true), "x-mock-seed", "42"));
        assertTrue(a.stream());
        assertEquals(42, a.plan().seed());
        assertEquals(List.of("x-mock-seed", "x-mock-profile"), List.copyOf(a.plan().replayHeaders().keySet()));
        assertEquals("instant", a.plan().replayHeaders().get("x-mock-profile"));
        assertEquals(ArmedFaults.NONE, a.faults());
    }

    /** A 400 that names the header at fault, as the message and as {@code param}. */
    private static void assertBadHeader(String header, Admission.Outcome outcome) {
        ErrorReply e = refused(outcome);
        assertEquals(List.of(400, header, "invalid_value"), List.of(e.status(), e.param(), e.code()));
        assertTrue(e.message().startsWith("invalid " + header + " header: "), e.message());
    }

    @Test
    void shouldRefuseAnOverrideHeaderItCannotUseNamingTheHeader() {
        assertBadHeader("x-mock-ttft-ms", admit(request("instant", true), "x-mock-ttft-ms", "soon"));
        assertBadHeader("x-mock-fault", admit(request("instant", true), "x-mock-fault", "explode"));
    }

    @Test
    void shouldRefuseAProfileHeaderNamingNoProfile() {
        assertBadHeader("x-mock-profile", admit(request("instant", true), "x-mock-profile", "nope"));
        assertTrue(refused(admit(request("instant", true), "x-mock-profile", "nope")).message().endsWith("'nope'"));
    }

    @Test
    void shouldRefuseAKeyedProfileWithoutANonBlankBearerToken() {
        assertEquals(401, refused(admit(request("keyed", true))).status());
        assertEquals("invalid_api_key", refused(admit(request("keyed", true), "authorization", "Bearer   ")).code());
        assertEquals(401, refused(admit(request("keyed", true), "authorization", "Basic a2V5")).status());
        assertInstanceOf(Admission.Admitted.class, admit(request("keyed", true), "authorization", "bearer sk-1"));
        assertInstanceOf(Admission.Admitted.class, admit(request("instant", true)), "other profiles need no key");
    }

    @Test
    void shouldReadTheHeadersBeforeTheApiKey() {
        assertBadHeader("x-mock-seed", admit(request("keyed", true), "x-mock-seed", "x"));
    }

    @Test
    void shouldRefuseAToolChoiceNamingAFunctionThatIsNotOffered() {
        ChatRequest named = new ChatRequest("instant", true, false, 0, 1, TOOLS,
                new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.NAMED, "search"), true, null, "hi", 5);
        ErrorReply e = refused(admit(named));
        assertEquals(400, e.status());
        assertEquals("tool_choice", e.param());
        assertEquals("tool_choice names function 'search', which is not in tools", e.message());
    }

    @Test
    void shouldRateLimitAProfileAndSayExactlyWhenARetryIsAdmitted() {
        assertInstanceOf(Admission.Admitted.class, admitAt(0, request("limited", true), "x-mock-seed", "7"));
        Admission.Refused r = assertInstanceOf(Admission.Refused.class,
                admitAt(MINUTE_NANOS / 4, request("limited", true), "x-mock-seed", "7"));
        assertEquals("rate_limit", r.faultKind());
        assertEquals(429, r.error().status());
        assertEquals("rate_limit_exceeded", r.error().code());
        Map<String, String> h = r.error().headers();
        assertEquals("45000", h.get("retry-after-ms"), "the bucket refills in the remaining three quarters of a minute");
        assertEquals("45", h.get("retry-after"));
        assertEquals(List.of("retry-after", "retry-after-ms", "x-ratelimit-limit-requests",
                "x-ratelimit-remaining-requests", "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens",
                "x-ratelimit-reset-requests", "x-mock-seed", "x-mock-profile"), List.copyOf(h.keySet()));
        assertInstanceOf(Admission.Admitted.class, admitAt(MINUTE_NANOS, request("limited", true)));
    }

    @Test
    void shouldKeepOneBucketPerApiKeyWhenTheProfileSaysSo() {
        assertInstanceOf(Admission.Admitted.class, admit(request("per-key", true), "authorization", "Bearer a"));
        refused(admit(request("per-key", true), "authorization", "Bearer a"));
        assertInstanceOf(Admission.Admitted.class, admit(request("per-key", true), "authorization", "Bearer b"));
    }

    @Test
    void shouldAnswerAnInjectedHttpErrorInsteadOfTheStream() {
        Admission.Refused r = assertInstanceOf(Admission.Refused.class, admit(request("instant", true),
                "x-mock-fault", "http:status=503,retry_after=2", "x-mock-seed", "9"));
        assertEquals("http", r.faultKind());
        assertEquals(503, r.error().status());
        assertEquals("overloaded", r.error().code());
        assertEquals(Map.of("retry-after", "2", "x-mock-seed", "9", "x-mock-profile", "instant"), r.error().headers());
        assertEquals("retry-after", r.error().headers().keySet().iterator().next());
    }

    @Test
    void shouldArmTheOtherFaultsForTheStream() {
        Admission.Admitted a = assertInstanceOf(Admission.Admitted.class, admit(request("instant", true),
                "x-mock-fault", "slow_headers:ms=20;no_done;reset@after_chunks=3"));
        assertEquals(20, a.faults().slowHeadersMillis());
        assertTrue(a.faults().noDone());
        assertEquals(1, a.faults().midStream().size());
        assertNull(a.faults().httpError());
    }

    @Test
    void shouldRefuseANonStreamingAnswerOverTheLimitButStreamIt() {
        String tokens = Long.toString(Admission.MAX_NON_STREAMING_TOKENS + 1);
        ErrorReply e = refused(admit(request("instant", false), "x-mock-output-tokens", tokens));
        assertEquals(400, e.status());
        assertTrue(e.message().contains("ask for stream: true"), e.message());
        Admission.Admitted a = assertInstanceOf(Admission.Admitted.class,
                admit(request("instant", true), "x-mock-output-tokens", tokens));
        assertTrue(a.stream());
        assertFalse(assertInstanceOf(Admission.Admitted.class,
                admit(request("instant", false), "x-mock-output-tokens", "10")).stream());
    }
}
