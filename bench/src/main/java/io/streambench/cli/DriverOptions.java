package io.streambench.cli;

import picocli.CommandLine.Option;

/** {@code run}'s options for several drivers started together ({@code --start-at}, {@code --driver-id}). */
final class DriverOptions {
    @Option(names = "--start-at", paramLabel = "TIME", description = {"Set up (embedded mock, client), then wait "
            + "until TIME and start the load, so several processes start together: an ISO-8601 instant "
            + "(2026-11-24T10:00:00Z), a time of day in the local zone (10:00:00, its next occurrence) or "
            + "milliseconds since the epoch. More than 1 s in the past is an error. Ctrl-C while waiting "
            + "exits without a report."})
    String startAt;

    @Option(names = "--driver-id", paramLabel = "ID", description = "This process's name in run.json and merged "
            + "reports, [A-Za-z0-9._-] (default: index-N when JOB_COMPLETION_INDEX is set, else hostname-pid).")
    String driverId;
}
