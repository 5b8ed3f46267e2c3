package io.streambench.driver.gateway;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The pooled figures of one route and stage, over its measured requests: a histogram per {@link GatewayMetric}
 * (values in ns, 3 significant digits; a negative value, possible only when the two clocks disagree, counts as 0
 * and is counted apart) and the counts of what happened to the events.
 */
final class Pool {

    final Route route;
    final int stage;
    final Map<GatewayMetric, Histogram> histograms = new EnumMap<>(GatewayMetric.class);
    long requests;
    long joined;
    long notForwarded;
    long retriedUpstream;
    long mockEvents;
    long clientEvents;
    long unchanged;
    long rewritten;
    long dropped;
    long added;
    long merged;
    long split;
    long mockWrites;
    long mergedWrites;
    long splitWrites;
    long clientDeliveries;
    long negative;

    Pool(Route route, int stage) {
        this.route = route;
        this.stage = stage;
        for (GatewayMetric m : GatewayMetric.values()) {
            histograms.put(m, new Histogram(3));
        }
    }

    void add(JoinedRequest r) {
        requests++;
        if (r.upstreamAttempts() > 1) {
            retriedUpstream++;
        }
        if (r.join().equals("no_records")) {
            notForwarded++;
        }
        record(GatewayMetric.SEND_TO_RECEIPT, r.sendToReceipt(), r.sendToReceipt() != -1 && r.upstreamAttempts() > 0);
        if (!r.joined()) {
            return;
        }
        joined++;
        mockEvents += r.mockEvents();
        clientEvents += r.clientEvents();
        Alignment a = r.alignment();
        unchanged += a.unchanged;
        rewritten += a.rewritten;
        dropped += a.dropped;
        added += a.added;
        merged += a.merged;
        split += a.split;
        mockWrites += r.mockWrites();
        mergedWrites += r.mergedWrites();
        splitWrites += r.splitWrites();
        clientDeliveries += r.clientDeliveries();
        for (long d : r.eventDelays()) {
            record(GatewayMetric.EVENT_DELAY, d, true);
        }
        for (long j : r.jitters()) {
            record(GatewayMetric.JITTER, Math.abs(j), true);
        }
        record(GatewayMetric.FIRST_TOKEN_DELAY, r.firstTokenDelay(), r.firstTokenDelay() != -1);
    }

    private void record(GatewayMetric metric, long nanos, boolean present) {
        if (!present) {
            return;
        }
        if (nanos < 0) {
            negative++;
            nanos = 0;
        }
        histograms.get(metric).recordValue(nanos);
    }

    Histogram histogram(GatewayMetric metric) {
        return histograms.get(metric);
    }
}
