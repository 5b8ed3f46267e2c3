package io.streambench.driver.gateway;

import io.streambench.report.folder.FewSamples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Everything a gateway run found, joined and pooled: per stage the two routes' {@link Pool}s, what changed in the
 * streams, the fault matrix; and the {@code gateway} object of {@code run.json} made from it.
 */
final class GatewayResult {

    final String gatewayUrl;
    final String mock;
    final MockClock clock;
    final String runId;
    final List<JoinedRequest> requests;
    final Map<Integer, String> stageNames;
    final Map<Integer, Map<Route, Pool>> pools = new TreeMap<>();
    final StreamDiff diff = new StreamDiff();
    final StreamDiff directDiff = new StreamDiff();
    final List<FaultOutcome> faults;
    final long droppedRecords;
    final long droppedEvents;
    /** Attempts beyond the driver's limit per route ({@link RouteTap#MAX_ATTEMPTS}): sent, not joined. */
    final long notKept;

    GatewayResult(String gatewayUrl, String mock, MockClock clock, String runId, List<JoinedRequest> requests,
            Map<Integer, String> stageNames, List<FaultOutcome> faults, long droppedRecords, long droppedEvents,
            long notKept) {
        this.notKept = notKept;
        this.gatewayUrl = gatewayUrl;
        this.mock = mock;
        this.clock = clock;
        this.runId = runId;
        this.requests = requests;
        this.stageNames = stageNames;
        this.faults = faults;
        this.droppedRecords = droppedRecords;
        this.droppedEvents = droppedEvents;
        for (JoinedRequest r : requests) {
            if (r.route() == Route.FAULT) {
                continue;
            }
            if (r.route() == Route.GATEWAY) {
                diff.add(r);
            } else {
                directDiff.add(r);
            }
            if (r.row().id().measured()) {
                pools.computeIfAbsent(r.row().id().stage(), s -> new LinkedHashMap<>())
                        .computeIfAbsent(r.route(), route -> new Pool(route, r.row().id().stage())).add(r);
            }
        }
        for (Map<Route, Pool> byRoute : pools.values()) {
            for (Route route : new Route[] {Route.GATEWAY, Route.DIRECT}) {
                int stage = byRoute.values().iterator().next().stage;
                byRoute.computeIfAbsent(route, x -> new Pool(x, stage));
            }
        }
    }

    /** The {@code gateway} object of run.json. */
    Map<String, Object> json() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("gateway_url", gatewayUrl);
        g.put("mock", mock);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", clock.kind());
        c.put("error_ms", clock.errorNanos() / 1e6);
        c.put("description", clock.description());
        g.put("clock", c);
        g.put("tag_run", runId);
        g.put("mock_dropped_records", droppedRecords);
        g.put("mock_dropped_events", droppedEvents);
        g.put("requests_not_kept", notKept);
        List<Object> stages = new ArrayList<>();
        pools.forEach((stage, byRoute) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stage", stage);
            s.put("workload", stageNames.getOrDefault(stage, ""));
            Pool gw = byRoute.get(Route.GATEWAY);
            Pool direct = byRoute.get(Route.DIRECT);
            s.put("gateway", pool(gw));
            s.put("direct", pool(direct));
            Map<String, Object> added = new LinkedHashMap<>();
            for (GatewayMetric m : GatewayMetric.values()) {
                Histogram a = gw.histogram(m);
                Histogram b = direct.histogram(m);
                if (a.getTotalCount() == 0 || b.getTotalCount() == 0) {
                    continue;
                }
                Map<String, Object> d = new LinkedHashMap<>();
                for (double p : new double[] {50, 90, 99}) {
                    d.put("p" + (int) p + "_ms", (a.getValueAtPercentile(p) - b.getValueAtPercentile(p)) / 1e6);
                }
                added.put(m.label(), d);
            }
            s.put("added_by_gateway", added);
            stages.add(s);
        });
        g.put("stages", stages);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("compared_streams", diff.compared());
        changes.put("usage_chunk", Map.of("sent", diff.usage()[0], "received", diff.usage()[1]));
        changes.put("end_marker", Map.of("sent", diff.endMarker()[0], "received", diff.endMarker()[1]));
        List<Object> list = new ArrayList<>();
        for (StreamDiff.Change ch : diff.changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("change", ch.change());
            m.put("what", ch.what());
            m.put("events", ch.events());
            m.put("streams", ch.streams());
            m.put("example", ch.example());
            list.add(m);
        }
        changes.put("list", list);
        changes.put("direct_compared_streams", directDiff.compared());
        changes.put("direct_changes", directDiff.changes().size());
        g.put("changes", changes);
        List<Object> f = new ArrayList<>();
        for (FaultOutcome o : faults) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fault", o.fault());
            m.put("spec", o.spec());
            m.put("upstream_attempts", o.upstreamAttempts());
            m.put("upstream_statuses", o.upstreamStatuses());
            m.put("upstream_end", o.upstreamEnd());
            m.put("client_saw", o.clientSaw());
            m.put("outcome", o.outcome());
            f.add(m);
        }
        g.put("faults", f);
        return g;
    }

    private static Map<String, Object> pool(Pool p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", p.requests);
        m.put("joined", p.joined);
        m.put("not_forwarded", p.notForwarded);
        m.put("retried_upstream", p.retriedUpstream);
        Map<String, Object> events = new LinkedHashMap<>();
        events.put("mock", p.mockEvents);
        events.put("client", p.clientEvents);
        events.put("unchanged", p.unchanged);
        events.put("rewritten", p.rewritten);
        events.put("dropped", p.dropped);
        events.put("added", p.added);
        events.put("merged", p.merged);
        events.put("split", p.split);
        m.put("events", events);
        Map<String, Object> writes = new LinkedHashMap<>();
        writes.put("mock", p.mockWrites);
        writes.put("merged", p.mergedWrites);
        writes.put("split", p.splitWrites);
        writes.put("client_deliveries", p.clientDeliveries);
        m.put("writes", writes);
        m.put("negative_delays", p.negative);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (GatewayMetric metric : GatewayMetric.values()) {
            metrics.put(metric.label(), stats(p.histogram(metric)));
        }
        m.put("metrics", metrics);
        return m;
    }

    static Map<String, Object> stats(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        long n = h.getTotalCount();
        m.put("count", n);
        if (n == 0) {
            return m;
        }
        m.put("mean_ms", h.getMean() / 1e6);
        m.put("p50_ms", h.getValueAtPercentile(50) / 1e6);
        m.put("p90_ms", h.getValueAtPercentile(90) / 1e6);
        m.put("p99_ms", h.getValueAtPercentile(99) / 1e6);
        m.put("max_ms", h.getMaxValue() / 1e6);
        m.put("few_samples", FewSamples.columns(n));
        return m;
    }
}
