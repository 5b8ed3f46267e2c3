package io.streambench.driver.gateway;

import java.util.List;

/**
 * What the client saw of one tagged attempt: its SSE events as they came off the socket.
 *
 * @param tag the tag's id
 * @param fault the fault the tag asked the mock for, or null
 * @param sendNanos when the request went to the socket, -1 if never
 * @param arrivals per event, when the read that completed it came off the socket
 * @param sizes per event, its data bytes
 * @param hashes per event, FNV-1a 64 of its data
 * @param deliveries per event, the delivery it came in: reads less than
 *     {@value EventProbe#SAME_DELIVERY_NANOS} ns apart count as one
 * @param data per event, its data when the tag asked to keep it (else empty)
 * @param firstTokenEvent the event that held the first token, -1 for none
 * @param events events seen, kept or not
 * @param overBudget events were seen but not kept (the driver's event budget ran out)
 */
record ClientSide(String tag, String fault, long sendNanos, long[] arrivals, int[] sizes, long[] hashes,
        int[] deliveries, List<String> data, int firstTokenEvent, int events, boolean overBudget) {
}
