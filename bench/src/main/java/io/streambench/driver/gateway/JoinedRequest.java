package io.streambench.driver.gateway;

import io.streambench.driver.AttemptRow;
import java.util.List;

/**
 * One tagged attempt joined with the mock's records of it: the figures of {@code gateway.csv}, and the per-event
 * values that the pooled figures add up. Times in nanoseconds, -1 where there is none.
 *
 * @param route which way it went
 * @param row the attempt as the driver recorded it
 * @param tag its tag id
 * @param fault the fault its tag asked for, or null
 * @param join {@code joined}, {@code no_records} (the mock never saw the tag: the gateway did not forward it, or
 *     the records were dropped), {@code not_sent}, or {@code over_budget} (the driver kept no events)
 * @param upstreamAttempts requests with this tag the mock got
 * @param upstreamStatuses their statuses, in order ({@code 429;200})
 * @param upstreamEnd how the last one ended ({@code complete}, {@code reset}, {@code closed}, {@code cancelled},
 *     {@code open})
 * @param sendToReceipt the driver's send to the mock's read of the first attempt
 * @param mockEvents events the mock wrote, over all attempts
 * @param clientEvents events the client read
 * @param alignment which client event is which mock event, or null when not joined
 * @param firstTokenDelay the client's first-token event: its arrival minus the mock's write of it
 * @param eventDelays per paired client event, its arrival minus the mock's write
 * @param jitters per gap between consecutive paired client events, client gap minus mock gap (signed)
 * @param mockWrites flushes of the mock that carried paired events
 * @param clientDeliveries deliveries to the client (reads less than {@value EventProbe#SAME_DELIVERY_NANOS} ns
 *     apart count as one) that carried paired events
 * @param mergedWrites mock writes whose events arrived in one delivery with another write's events
 * @param splitWrites mock writes whose events arrived in more than one delivery
 * @param mockBytes data bytes the mock sent
 * @param clientBytes data bytes the client read
 * @param contents pairs of kept data, mock's and client's (either null when unpaired)
 */
record JoinedRequest(Route route, AttemptRow row, String tag, String fault, String join, int upstreamAttempts,
        String upstreamStatuses, String upstreamEnd, long sendToReceipt, int mockEvents, int clientEvents,
        Alignment alignment, long firstTokenDelay, long[] eventDelays, long[] jitters, int mockWrites,
        int clientDeliveries, int mergedWrites, int splitWrites, long mockBytes, long clientBytes,
        List<ContentPair> contents) {

    /** One event's data on both sides, as kept ({@code null} on the side that has none). */
    record ContentPair(String mock, String client) {
    }

    boolean joined() {
        return alignment != null;
    }
}
