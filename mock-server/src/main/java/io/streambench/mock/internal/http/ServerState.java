package io.streambench.mock.internal.http;

import io.streambench.mock.internal.fault.ArmedFaults;
import io.streambench.mock.internal.model.ServerModels;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.profile.Profiles;
import io.streambench.mock.record.Recorder;

/**
 * What every connection of one server shares.
 *
 * @param profiles the profiles, by model
 * @param stats the server's counters and lateness histogram
 * @param transport "epoll", "io_uring" or "nio", shown on {@code /stats}
 * @param rateLimiter the token buckets of the profiles' rate limits
 * @param faultCounters the per-spec counters of {@code every=N} fault triggers
 * @param idleTimeoutMillis a connection with no request in flight is closed after this long; 0 never
 * @param models the server models of the profiles that have one (queue, prefill, prefix cache, batch)
 * @param recorder the records of tagged requests, or null when the server records nothing
 */
record ServerState(Profiles profiles, ServerStats stats, String transport, RateLimiter rateLimiter,
        ArmedFaults.Counters faultCounters, long idleTimeoutMillis, ServerModels models, Recorder recorder) {
}
