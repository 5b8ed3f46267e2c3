package io.streambench.mock.internal.http;

import io.streambench.mock.fault.Fault;
import io.streambench.mock.internal.fault.ArmedFaults;
import io.streambench.mock.internal.model.ServerModel;
import io.streambench.mock.internal.model.ServerModels;
import io.streambench.mock.internal.wire.ChatRequest;
import io.streambench.mock.internal.wire.StreamPlan;
import io.streambench.mock.profile.Profile;
import io.streambench.mock.profile.Profiles;
import io.streambench.mock.profile.RequestOverrides;
import java.util.List;
import java.util.function.Function;

/**
 * Decides what becomes of a decoded request: answered (with its plan and armed faults) or refused (with the
 * error to send). No Netty in here: the request, a header lookup and the clock go in, an {@link Outcome}
 * comes out. Its only effects are on the server's rate-limit buckets and fault counters, as a provider's
 * admission has.
 *
 * <p>The checks run in this order, and the first that fails decides: the {@code x-mock-*} headers, the
 * profile they or the model name, its API key, the plan ({@code tool_choice} must name an offered function),
 * the profile's rate limit, an injected HTTP error, and the size of a non-streaming answer.
 */
final class Admission {

    /**
     * A non-streaming answer is rendered whole on the event loop (about 0.4 µs a token); beyond this many
     * tokens that would hold up every other stream of the loop, so such a request is refused.
     */
    static final long MAX_NON_STREAMING_TOKENS = 100_000;

    /** What admission decided. */
    sealed interface Outcome permits Admitted, Refused {
    }

    /**
     * Answer with {@code plan}, bent by {@code faults}; as a stream when {@code stream}; through the profile's
     * server {@code model} (queue, prefill, batch), or null when it has none.
     */
    record Admitted(StreamPlan plan, ArmedFaults faults, boolean stream, ServerModel model) implements Outcome {
    }

    /**
     * Answer with {@code error} instead.
     *
     * @param faultKind the fault kind this counts as on {@code /stats} ({@code rate_limit}, {@code http}), or null
     */
    record Refused(ErrorReply error, String faultKind) implements Outcome {
    }

    private final Profiles profiles;
    private final RateLimiter rateLimiter;
    private final ArmedFaults.Counters faultCounters;
    private final ServerModels models;

    Admission(Profiles profiles, RateLimiter rateLimiter, ArmedFaults.Counters faultCounters) {
        this(profiles, rateLimiter, faultCounters, ServerModels.none());
    }

    /** @param models the server models of the profiles that have one */
    Admission(Profiles profiles, RateLimiter rateLimiter, ArmedFaults.Counters faultCounters, ServerModels models) {
        this.profiles = profiles;
        this.rateLimiter = rateLimiter;
        this.faultCounters = faultCounters;
        this.models = models;
    }

    /**
     * @param header returns a request header's value (case-insensitive name), or null
     * @param nowNanos when the request arrived, on the {@code System.nanoTime()} scale (rate limits refill by it)
     * @param epochSeconds the {@code created} time of the answer
     */
    Outcome admit(ChatRequest request, Function<String, String> header, long nowNanos, long epochSeconds) {
        return admit(request, header, bearer(header.apply("authorization")), ErrorCatalogue.missingApiKey(), nowNanos,
                epochSeconds);
    }

    /**
     * Decides as {@link #admit(ChatRequest, Function, long, long)} for an API whose key the route read itself.
     *
     * @param apiKey the request's API key, or null when it has none
     * @param missingKey the refusal when the profile requires a key and there is none
     */
    Outcome admit(ChatRequest request, Function<String, String> header, String apiKey, ErrorReply missingKey,
            long nowNanos, long epochSeconds) {
        RequestOverrides overrides;
        try {
            overrides = RequestOverrides.fromHeaders(header);
        } catch (RequestOverrides.BadHeaderException e) {
            return refused(ErrorCatalogue.badHeader(e));
        }
        Profile profile = profiles.forModel(request.model());
        if (overrides.profile() != null) {
            profile = profiles.named(overrides.profile());
            if (profile == null) {
                return refused(ErrorCatalogue.unknownProfile(overrides.profile()));
            }
        }
        if (profile.requireApiKey() && apiKey == null) {
            return refused(missingKey);
        }
        StreamPlan plan;
        try {
            plan = StreamPlan.create(profile, request, overrides, epochSeconds);
        } catch (StreamPlan.UnknownFunctionException e) {
            return refused(ErrorCatalogue.unknownFunction(e.function()));
        }
        if (!profile.rateLimit().isUnlimited()) {
            RateLimiter.Decision d = rateLimiter.acquire(profile.rateLimit(), profile.name(), apiKey,
                    plan.promptTokens() + plan.completionTokens(), nowNanos);
            if (!d.admitted()) {
                return new Refused(ErrorCatalogue.rateLimited(d, plan.replayHeaders()), "rate_limit");
            }
        }
        List<Fault> faults = overrides.faults() != null ? overrides.faults() : profile.faults();
        ArmedFaults armed = ArmedFaults.arm(faults, plan.seed(), faultCounters);
        if (armed.httpError() != null) {
            return new Refused(ErrorCatalogue.injected(armed.httpError(), plan.replayHeaders()), "http");
        }
        if (!request.stream() && plan.completionTokens() > MAX_NON_STREAMING_TOKENS) {
            return refused(ErrorCatalogue.nonStreamingTooLong(MAX_NON_STREAMING_TOKENS, plan.completionTokens()));
        }
        return new Admitted(plan, armed, request.stream(), models.of(profile.name()));
    }

    private static Refused refused(ErrorReply error) {
        return new Refused(error, null);
    }

    /** The bearer token of an {@code Authorization} header, or null when there is none. */
    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
