package io.streambench.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.report.folder.FewSamples;
import io.streambench.report.folder.RunJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * The "Gateway" section of {@code report.html} for a run made with {@code --gateway}, from run.json's
 * {@code gateway} object and the {@code gateway_event_delay.hlog} log: per stage the gateway's figures beside the
 * direct baseline's and their difference, the per-event delay spectrum of both, what happened to the events and
 * the mock's writes, what changed in the streams, and the fault matrix.
 */
final class GatewaySection {

    private static final String[][] METRICS = {
        {"send_to_receipt", "send -> mock receipt"},
        {"event_delay", "per event delay"},
        {"first_token_delay", "first token delay"},
        {"jitter", "jitter |gap change|"}};

    private GatewaySection() {
    }

    /** True when the run measured a gateway. */
    static boolean present(RunJson.Document run) {
        return gateway(run) != null;
    }

    private static JsonNode gateway(RunJson.Document run) {
        return run instanceof RunJson.Run r && r.driver() != null && r.driver().gateway() != null
                && r.driver().gateway().isObject() ? r.driver().gateway() : null;
    }

    static void render(Page page, RunJson.Document run, Path dir) {
        JsonNode g = gateway(run);
        page.h2("gateway", "Gateway");
        page.p("Gateway " + g.path("gateway_url").asText("?") + " in front of " + g.path("mock").asText("?") + ". "
                + g.path("clock").path("description").asText(""));
        page.note("Through the gateway: the load of this run. Direct: the same stages sent straight to the mock at "
                + "the same time (the baseline); the difference is what the gateway adds. Per event delay: the "
                + "event's arrival at the client minus the mock's write of it; jitter: the change of that delay from "
                + "one event to the next (see docs/metrics.md, \"Measuring a gateway\").");
        Map<String, Histogram> delays = readHlog(dir.resolve("gateway_event_delay.hlog"));
        boolean flagged = false;
        for (JsonNode s : g.path("stages")) {
            int stage = s.path("stage").asInt();
            page.h3("stage " + stage + " (" + s.path("workload").asText("") + ")");
            JsonNode gw = s.path("gateway");
            JsonNode direct = s.path("direct");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("requests joined", "", gw.path("joined").asText() + " of " + gw.path("requests").asText(),
                    direct.path("joined").asText() + " of " + direct.path("requests").asText(), ""));
            for (String[] m : METRICS) {
                JsonNode a = gw.path("metrics").path(m[0]);
                JsonNode b = direct.path("metrics").path(m[0]);
                for (String p : new String[] {"p50", "p90", "p99", "max"}) {
                    double x = a.path(p + "_ms").asDouble(Double.NaN);
                    double y = b.path(p + "_ms").asDouble(Double.NaN);
                    boolean fx = a.path("few_samples").asText("").contains(p);
                    boolean fy = b.path("few_samples").asText("").contains(p);
                    flagged |= fx || fy;
                    rows.add(List.of(p.equals("p50") ? m[1] : "", p, mark(x, fx), mark(y, fy),
                            Double.isNaN(x) || Double.isNaN(y) ? "" : String.format(java.util.Locale.ROOT, "%+.3f", x - y)));
                }
            }
            page.table(List.of("figure (ms)", "", "through the gateway", "direct", "added by the gateway"), rows);
            Histogram hg = delays.get("gateway.stage" + stage);
            Histogram hd = delays.get("direct.stage" + stage);
            List<Plots.Line> lines = new ArrayList<>();
            if (hg != null && hg.getTotalCount() > 0) {
                lines.add(Plots.spectrum("through the gateway", hg));
            }
            if (hd != null && hd.getTotalCount() > 0) {
                lines.add(Plots.spectrum("direct", hd));
            }
            if (!lines.isEmpty()) {
                page.img(Plots.spectrumChart("per event delay, stage " + stage, lines), "per event delay spectrum");
            }
            JsonNode ev = gw.path("events");
            page.table(List.of("events", "mock", "client", "unchanged", "rewritten", "dropped", "added", "merged",
                    "split"), List.of(List.of("through the gateway", ev.path("mock").asText(), ev.path("client").asText(),
                    ev.path("unchanged").asText(), ev.path("rewritten").asText(), ev.path("dropped").asText(),
                    ev.path("added").asText(), ev.path("merged").asText(), ev.path("split").asText())));
            page.table(List.of("mock writes", "written", "delivered together with another", "split over deliveries"),
                    List.of(writes("through the gateway", gw.path("writes")), writes("direct", direct.path("writes"))));
        }
        if (flagged) {
            page.note(FewSamples.NOTE + ".");
        }
        changes(page, g.path("changes"));
        faults(page, g.path("faults"), g.path("fault_timeout_s").asDouble(Double.NaN));
    }

    private static List<String> writes(String route, JsonNode w) {
        long mock = w.path("mock").asLong();
        return List.of(route, Page.count(mock), share(w.path("merged").asLong(), mock), share(w.path("split").asLong(), mock));
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "-" : Page.count(part) + String.format(java.util.Locale.ROOT, " (%.1f %%)", 100.0 * part / whole);
    }

    private static String mark(double ms, boolean flagged) {
        return Double.isNaN(ms) ? "-" : Page.number(ms) + (flagged ? "*" : "");
    }

    private static void changes(Page page, JsonNode c) {
        page.h3("What changed in the stream");
        int compared = c.path("compared_streams").asInt();
        if (compared == 0) {
            page.p("No stream through the gateway kept its data on both sides.");
            return;
        }
        page.p(compared + " streams compared event by event. Usage chunk: " + received(c.path("usage_chunk"))
                + "; end marker [DONE]: " + received(c.path("end_marker")) + ".");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode ch : c.path("list")) {
            rows.add(List.of(ch.path("change").asText(), ch.path("what").asText(), ch.path("events").asText(),
                    ch.path("streams").asText(), ch.path("example").asText()));
        }
        if (rows.isEmpty()) {
            page.p("Nothing changed: every event arrived byte for byte.");
        } else {
            page.table(List.of("change", "what", "events", "streams", "example"), rows);
        }
    }

    private static String received(JsonNode sentReceived) {
        int sent = sentReceived.path("sent").asInt();
        return sent == 0 ? "none sent" : "received in " + sentReceived.path("received").asInt() + " of " + sent;
    }

    private static void faults(Page page, JsonNode faults, double timeoutSeconds) {
        if (!faults.isArray() || faults.isEmpty()) {
            return;
        }
        page.h3("Upstream faults");
        page.note("One request per fault through the gateway after the load; the mock fires the fault on the first "
                + "upstream request with the probe's tag only. The client does not retry"
                + (Double.isNaN(timeoutSeconds) ? "" : " and times out after " + Page.number(timeoutSeconds) + " s")
                + ".");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode f : faults) {
            rows.add(List.of(f.path("fault").asText(), f.path("spec").asText(), f.path("upstream_attempts").asText()
                    + (f.path("upstream_statuses").asText("").isEmpty() ? "" : " (" + f.path("upstream_statuses").asText()
                    + ")"), f.path("client_saw").asText(), f.path("outcome").asText()));
        }
        page.table(List.of("fault", "x-mock-fault", "upstream requests", "client saw", "outcome"), rows);
    }

    /** The gateway hlog's histograms by tag ({@code gateway.stage0}); empty when the file is missing or unreadable. */
    private static Map<String, Histogram> readHlog(Path file) {
        Map<String, Histogram> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            HistogramLogReader reader = new HistogramLogReader(file.toFile());
            try {
                EncodableHistogram h;
                while ((h = reader.nextIntervalHistogram()) != null) {
                    if (h instanceof Histogram histogram) {
                        out.computeIfAbsent(String.valueOf(h.getTag()), t -> new Histogram(3)).add(histogram);
                    }
                }
            } finally {
                reader.close();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return out; // the tables come from run.json; only the plot is lost
        }
        return out;
    }
}
