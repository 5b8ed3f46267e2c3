package io.streambench.driver.gateway;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.ErrorClass;
import io.streambench.mock.fault.FaultAction;
import java.time.Duration;
import java.util.Locale;

/**
 * One row of the fault matrix: what the mock did, what the client saw through the gateway, and what that makes of
 * the gateway: it passed the fault through, retried it n times (the mock got n + 1 requests with the tag), converted
 * it into another status or into an error event, cut the stream, hid the fault, or let the client hang until its
 * own timeout.
 *
 * @param fault the probe's name
 * @param spec its {@code x-mock-fault} spec
 * @param upstreamAttempts requests with the probe's tag the mock got
 * @param upstreamStatuses their statuses
 * @param upstreamEnd how the mock's last answer ended
 * @param clientSaw what the client saw, in words
 * @param outcome the verdict
 */
record FaultOutcome(String fault, String spec, int upstreamAttempts, String upstreamStatuses, String upstreamEnd,
        String clientSaw, String outcome) {

    static FaultOutcome of(FaultProbe probe, JoinedRequest r, Duration clientTimeout) {
        AttemptRow row = r.row();
        ErrorClass e = row.ending().error();
        double seconds = row.times().e2e() < 0 ? Double.NaN : row.times().e2e() / 1e9;
        String saw = saw(row, r.clientEvents(), seconds);
        if (r.upstreamAttempts() == 0) {
            return new FaultOutcome(probe.name(), probe.spec(), 0, "", "", saw,
                    "never reached the mock (the gateway answered itself)");
        }
        FaultAction action = probe.action();
        String base;
        boolean timedOut = e == ErrorClass.TTFT_TIMEOUT || e == ErrorClass.IDLE_TIMEOUT || e == ErrorClass.TOTAL_TIMEOUT;
        if (timedOut) {
            base = "hung until the client's timeout (" + seconds(clientTimeout.toMillis() / 1e3) + " s)";
        } else if (action instanceof FaultAction.HttpError http) {
            base = e == ErrorClass.HTTP_STATUS ? (row.ending().status() == http.status() ? "passed through"
                    : "converted to status " + row.ending().status())
                    : e == ErrorClass.ERROR_EVENT ? "converted to an error event in a " + row.ending().status() + " stream"
                    : e.ok() ? (r.upstreamAttempts() > 1 ? "succeeded" : "answered " + row.ending().status()) : "ended " + e.label();
        } else if (action instanceof FaultAction.ErrorEvent) {
            base = e == ErrorClass.ERROR_EVENT ? "passed through"
                    : e == ErrorClass.RESET ? "stream cut (connection closed)"
                    : e == ErrorClass.NO_DONE ? "error event dropped: the stream ended cleanly without its end marker"
                    : e.ok() ? (r.upstreamAttempts() > 1 ? "succeeded" : "error hidden: the stream ended normally")
                    : "ended " + e.label();
        } else if (action instanceof FaultAction.Reset || action instanceof FaultAction.Close) {
            base = e == ErrorClass.RESET ? "passed through (stream cut)"
                    : e == ErrorClass.NO_DONE ? "cut turned into a clean end without the end marker"
                    : e == ErrorClass.ERROR_EVENT ? "converted to an error event"
                    : e.ok() ? (r.upstreamAttempts() > 1 ? "succeeded" : "cut hidden: the stream ended normally")
                    : "ended " + e.label();
        } else if (action instanceof FaultAction.Stall) {
            base = e == ErrorClass.RESET || e == ErrorClass.NO_DONE ? "stream cut by the gateway after "
                    + seconds(seconds) + " s"
                    : e == ErrorClass.ERROR_EVENT ? "converted to an error event after " + seconds(seconds) + " s"
                    : e.ok() ? "completed" : "ended " + e.label();
        } else {
            base = e.ok() ? "completed" : "ended " + e.label();
        }
        int retries = r.upstreamAttempts() - 1;
        String outcome = retries > 0 ? "retried " + retries + (retries == 1 ? " time" : " times") + ", then " + base
                : base;
        int lost = r.mockEvents() - r.clientEvents();
        if (retries == 0 && lost > 0) {
            // a gateway that held events when the upstream failed may drop them with the connection
            outcome += "; " + lost + " of the mock's " + r.mockEvents() + " events never reached the client";
        }
        return new FaultOutcome(probe.name(), probe.spec(), r.upstreamAttempts(), r.upstreamStatuses(),
                r.upstreamEnd(), saw, outcome);
    }

    private static String saw(AttemptRow row, int events, double seconds) {
        String after = events + (events == 1 ? " event" : " events");
        return switch (row.ending().error()) {
            case NONE -> row.ending().status() + ", " + after + ", complete";
            case HTTP_STATUS -> "HTTP " + row.ending().status();
            case ERROR_EVENT -> row.ending().status() + ", error event (" + after + " in all)";
            case RESET -> row.ending().status() == 0 ? "connection closed before a response"
                    : row.ending().status() + ", connection closed after " + after;
            case NO_DONE -> row.ending().status() + ", ended without its end marker after " + after;
            case TTFT_TIMEOUT -> "no token within " + seconds(seconds) + " s";
            case IDLE_TIMEOUT -> row.ending().status() + ", " + after + ", then nothing for the client's idle timeout";
            case TOTAL_TIMEOUT -> "not done within " + seconds(seconds) + " s";
            case MALFORMED -> row.ending().status() + ", malformed data";
            case NOT_SSE -> "HTTP " + row.ending().status() + ", not an event stream";
            default -> row.ending().error().label();
        };
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "?" : String.format(Locale.ROOT, s < 10 ? "%.1f" : "%.0f", s);
    }
}
