package io.streambench.mock.internal.http;

import io.streambench.mock.fault.RateLimit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets for {@link RateLimit}s, one set per profile (and per API key when asked). A request takes
 * one request token and its prompt plus completion tokens; when a bucket is short, the answer is a 429 whose
 * {@code retry-after} is exactly when the bucket will hold enough again.
 */
final class RateLimiter {

    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();

    /** The outcome: admitted, or refused with the wait until a retry would be admitted. */
    record Decision(boolean admitted, long retryAfterMillis, long limitRequests, long remainingRequests,
            long limitTokens, long remainingTokens) {
    }

    /**
     * Takes capacity for one request now, or says how long to wait.
     *
     * @param scope the profile name
     * @param apiKey the bearer token, or null
     * @param tokens prompt plus planned completion tokens (capped at the bucket size, so a large request is
     *     slowed down rather than refused forever)
     */
    Decision acquire(RateLimit limit, String scope, String apiKey, long tokens, long nowNanos) {
        String key = limit.perKey() ? scope + "\u0000" + (apiKey == null ? "" : apiKey) : scope;
        Buckets b = buckets.computeIfAbsent(key, k -> new Buckets(limit, nowNanos));
        return b.acquire(Math.min(tokens, limit.tokensPerMinute() == 0 ? tokens : limit.tokensPerMinute()), nowNanos);
    }

    private static final class Buckets {
        private final RateLimit limit;
        private double requests;
        private double tokens;
        private long lastNanos;

        Buckets(RateLimit limit, long nowNanos) {
            this.limit = limit;
            this.requests = limit.requestsPerMinute();
            this.tokens = limit.tokensPerMinute();
            this.lastNanos = nowNanos;
        }

        synchronized Decision acquire(long wantTokens, long nowNanos) {
            double minutes = (nowNanos - lastNanos) / 60e9;
            lastNanos = nowNanos;
            requests = Math.min(limit.requestsPerMinute(), requests + minutes * limit.requestsPerMinute());
            tokens = Math.min(limit.tokensPerMinute(), tokens + minutes * limit.tokensPerMinute());
            double waitMinutes = 0;
            if (limit.requestsPerMinute() > 0 && requests < 1) {
                waitMinutes = Math.max(waitMinutes, (1 - requests) / limit.requestsPerMinute());
            }
            if (limit.tokensPerMinute() > 0 && tokens < wantTokens) {
                waitMinutes = Math.max(waitMinutes, (wantTokens - tokens) / limit.tokensPerMinute());
            }
            if (waitMinutes > 0) {
                return new Decision(false, (long) Math.ceil(waitMinutes * 60_000), limit.requestsPerMinute(),
                        (long) Math.floor(requests), limit.tokensPerMinute(), (long) Math.floor(tokens));
            }
            if (limit.requestsPerMinute() > 0) {
                requests -= 1;
            }
            if (limit.tokensPerMinute() > 0) {
                tokens -= wantTokens;
            }
            return new Decision(true, 0, limit.requestsPerMinute(), (long) Math.floor(requests),
                    limit.tokensPerMinute(), (long) Math.floor(tokens));
        }
    }
}
