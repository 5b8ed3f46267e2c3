package io.streambench.driver.gateway;

import io.streambench.report.folder.FewSamples;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The console section of a gateway run: per stage the gateway's figures beside the direct baseline's and their
 * difference (what the gateway adds), what changed in the streams, and the fault matrix.
 */
final class GatewayConsole {

    private GatewayConsole() {
    }

    static void print(PrintStream out, GatewayResult r, double faultTimeoutSeconds) {
        out.println();
        out.println("gateway " + r.gatewayUrl + " in front of " + r.mock);
        out.println("  " + r.clock.description());
        if (r.droppedRecords > 0) {
            out.println("  the mock dropped " + r.droppedRecords + " records (" + r.droppedEvents + " events) to stay "
                    + "within its limits: their requests are not joined (raise mock --record, or run shorter)");
        }
        if (r.notKept > 0) {
            out.println("  " + r.notKept + " requests past the driver's limit of " + RouteTap.MAX_ATTEMPTS
                    + " per route were sent but not joined");
        }
        boolean flagged = false;
        for (Map.Entry<Integer, Map<Route, Pool>> stage : r.pools.entrySet()) {
            Pool gw = stage.getValue().get(Route.GATEWAY);
            Pool direct = stage.getValue().get(Route.DIRECT);
            out.println("stage " + stage.getKey() + " " + r.stageNames.getOrDefault(stage.getKey(), "")
                    + String.format(Locale.ROOT, "%n  %-28s %-20s %-20s %s", "", "through the gateway",
                    "direct (baseline)", "added by the gateway"));
            out.println(String.format(Locale.ROOT, "  %-28s %-20s %-20s", "requests joined",
                    gw.joined + " of " + gw.requests, direct.joined + " of " + direct.requests));
            flagged |= rows(out, "send -> mock receipt", GatewayMetric.SEND_TO_RECEIPT, gw, direct, new double[] {50, 99});
            flagged |= rows(out, "per event delay", GatewayMetric.EVENT_DELAY, gw, direct, new double[] {50, 99, 100});
            flagged |= rows(out, "first token delay", GatewayMetric.FIRST_TOKEN_DELAY, gw, direct, new double[] {50, 99});
            flagged |= rows(out, "jitter |gap change|", GatewayMetric.JITTER, gw, direct, new double[] {50, 99});
            out.println("  events: mock " + gw.mockEvents + ", client " + gw.clientEvents + ": unchanged " + gw.unchanged
                    + ", rewritten " + gw.rewritten + ", dropped " + gw.dropped + ", added " + gw.added + ", merged "
                    + gw.merged + ", split " + gw.split);
            out.println("  mock writes delivered together with another: " + share(gw.mergedWrites, gw.mockWrites)
                    + " (direct " + share(direct.mergedWrites, direct.mockWrites) + "); split over deliveries: "
                    + share(gw.splitWrites, gw.mockWrites) + " (direct " + share(direct.splitWrites, direct.mockWrites)
                    + ")");
            if (gw.retriedUpstream > 0 || gw.notForwarded > 0) {
                out.println("  upstream: " + gw.retriedUpstream + " requests sent more than once, " + gw.notForwarded
                        + " never reached the mock");
            }
            if (gw.negative + direct.negative > 0) {
                out.println("  " + (gw.negative + direct.negative) + " delays were negative (counted as 0): the clocks "
                        + "disagree (" + r.clock.kind() + ")");
            }
        }
        if (flagged) {
            out.println("  " + FewSamples.NOTE);
        }
        changes(out, r);
        faults(out, r.faults, faultTimeoutSeconds);
    }

    private static boolean rows(PrintStream out, String name, GatewayMetric m, Pool gw, Pool direct, double[] ps) {
        Histogram a = gw.histogram(m);
        Histogram b = direct.histogram(m);
        boolean flagged = false;
        for (int i = 0; i < ps.length; i++) {
            double p = ps[i];
            String label = (i == 0 ? name : "") ;
            String level = p == 100 ? "max" : "p" + (int) p;
            boolean fa = a.getTotalCount() > 0 && p < 100 && FewSamples.flagged(a.getTotalCount(), p);
            boolean fb = b.getTotalCount() > 0 && p < 100 && FewSamples.flagged(b.getTotalCount(), p);
            flagged |= fa || fb;
            String added = a.getTotalCount() == 0 || b.getTotalCount() == 0 ? ""
                    : String.format(Locale.ROOT, "%+.3f ms", (value(a, p) - value(b, p)) / 1e6);
            out.println(String.format(Locale.ROOT, "  %-22s %-5s %-20s %-20s %s", label, level,
                    cell(a, p, fa), cell(b, p, fb), added));
        }
        return flagged;
    }

    private static long value(Histogram h, double p) {
        return p == 100 ? h.getMaxValue() : h.getValueAtPercentile(p);
    }

    private static String cell(Histogram h, double p, boolean flagged) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f ms%s", value(h, p) / 1e6, flagged ? "*" : "");
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%d of %d (%.1f %%)", part, whole, 100.0 * part / whole);
    }

    private static void changes(PrintStream out, GatewayResult r) {
        StreamDiff d = r.diff;
        if (d.compared() == 0) {
            out.println("stream changes: no stream through the gateway kept its data on both sides");
            return;
        }
        List<StreamDiff.Change> changes = d.changes();
        out.println("stream changes (" + d.compared() + " streams compared event by event): "
                + (changes.isEmpty() ? "none, every event arrived byte for byte" : ""));
        out.println("  usage chunk: " + kept(d.usage()) + "; end marker [DONE]: " + kept(d.endMarker()));
        for (StreamDiff.Change c : changes) {
            out.println("  " + c.change() + ": " + c.what() + " (" + c.events() + " events in " + c.streams()
                    + " streams; e.g. " + c.example() + ")");
        }
        if (r.directDiff.compared() > 0 && !r.directDiff.changes().isEmpty()) {
            out.println("  note: the direct baseline's streams differ between the mock's record and the client too ("
                    + r.directDiff.changes().size() + " kinds): the comparison itself is off");
        }
    }

    private static String kept(int[] sentKept) {
        return sentKept[0] == 0 ? "none sent" : "received in " + sentKept[1] + " of " + sentKept[0] + " streams";
    }

    private static void faults(PrintStream out, List<FaultOutcome> faults, double timeoutSeconds) {
        if (faults.isEmpty()) {
            return;
        }
        out.println(String.format(Locale.ROOT, "faults (one request each through the gateway, after the load; the "
                + "client does not retry and times out after %.0f s)", timeoutSeconds));
        out.println(String.format(Locale.ROOT, "  %-12s %-18s %-44s %s", "fault", "upstream requests", "client saw",
                "outcome"));
        for (FaultOutcome f : faults) {
            String upstream = f.upstreamAttempts() + (f.upstreamAttempts() == 0 ? "" : " (" + f.upstreamStatuses() + ")");
            out.println(String.format(Locale.ROOT, "  %-12s %-18s %-44s %s", f.fault(), upstream, f.clientSaw(),
                    f.outcome()));
        }
    }
}
