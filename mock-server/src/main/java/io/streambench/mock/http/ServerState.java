package io.streambench.mock.http;

import io.streambench.mock.profile.Profiles;
import io.streambench.mock.stats.ServerStats;

/**
 * What every connection of one server shares.
 *
 * @param profiles the profiles, by model
 * @param stats the server's counters and lateness histogram
 * @param transport "epoll" or "nio", shown on {@code /stats}
 */
public record ServerState(Profiles profiles, ServerStats stats, String transport) {
}
