package io.streambench.mock.fault;

/**
 * A profile's rate limit, as providers enforce it: token buckets that refill continuously.
 *
 * @param requestsPerMinute requests allowed per minute (bucket size and refill rate); 0 for no limit
 * @param tokensPerMinute prompt plus completion tokens allowed per minute; 0 for no limit
 * @param perKey one set of buckets per API key (the bearer token) instead of one for everybody
 */
public record RateLimit(long requestsPerMinute, long tokensPerMinute, boolean perKey) {

    public RateLimit {
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0, got requests_per_minute="
                    + requestsPerMinute + " tokens_per_minute=" + tokensPerMinute);
        }
    }

    /** True when neither limit is set. */
    public boolean isUnlimited() {
        return requestsPerMinute == 0 && tokensPerMinute == 0;
    }
}
