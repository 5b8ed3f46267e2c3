package io.streambench.driver.gateway;

import io.streambench.report.folder.Column;
import io.streambench.report.folder.Columns;
import io.streambench.report.folder.CsvOut;
import io.streambench.report.folder.FewSamples;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a gateway run's own files into the run folder, beside the usual ones: {@code gateway.csv} (one row per
 * tagged attempt, every route), {@code gateway_summary.csv} (per stage, route and metric) and one HdrHistogram log
 * per metric ({@code gateway_event_delay.hlog}...; one histogram per stage and route, tagged
 * {@code gateway.stage0}, {@code direct.stage0}, values in ns). {@link #REQUESTS_COLUMNS} and
 * {@link #SUMMARY_COLUMNS} are the two CSV files' schemas: header, cells and their tables in reports/README.md.
 */
final class GatewayFiles {

    static final String REQUESTS = "gateway.csv";
    static final String SUMMARY = "gateway_summary.csv";

    /** gateway.csv. */
    static final Columns<JoinedRequest> REQUESTS_COLUMNS = new Columns<>(List.of(
            new Column<>("route", "", "`gateway` (the load), `direct` (the baseline, straight to the mock) or `fault` "
                    + "(a fault probe)", r -> r.route().label()),
            new Column<>("request_id", "", "the route's request number, from 0", r -> r.row().id().requestId()),
            new Column<>("attempt", "", "1 for the driver's first attempt, 2 for its first retry, ...",
                    r -> r.row().id().attempt()),
            new Column<>("stage", "", "stage number, from 0", r -> r.row().id().stage()),
            new Column<>("phase", "", "`warmup` or `measured`", r -> r.row().id().measured() ? "measured" : "warmup"),
            new Column<>("tag", "", "the tag's id in the prompt: `RUN.LETTER.REQUEST.ATTEMPT`", JoinedRequest::tag),
            new Column<>("fault", "", "the `x-mock-fault` spec the tag carried (fault probes), else empty",
                    r -> r.fault() == null ? "" : r.fault()),
            new Column<>("status", "", "the HTTP status the client saw, empty when none",
                    r -> r.row().ending().status() == 0 ? "" : r.row().ending().status()),
            new Column<>("error_class", "", "how the client's attempt ended, as in `requests.csv`",
                    r -> r.row().ending().error().label()),
            new Column<>("join", "", "`joined`; `no_records` (the mock never saw the tag: the gateway did not forward "
                    + "the request or changed its prompt, or the mock dropped the record); `not_sent`; `over_budget` "
                    + "(the driver kept no events of it)", JoinedRequest::join),
            new Column<>("upstream_attempts", "", "requests with this tag the mock got (a gateway's retries make more "
                    + "than 1)", JoinedRequest::upstreamAttempts),
            new Column<>("upstream_statuses", "", "their statuses, in order (`429;200`)",
                    JoinedRequest::upstreamStatuses),
            new Column<>("upstream_end", "", "how the mock's last answer ended: `complete`, `reset`, `closed` (the mock "
                    + "cut the body), `cancelled` (the gateway went away), `open` (still streaming when the records "
                    + "were read)", JoinedRequest::upstreamEnd),
            new Column<>("send_to_receipt_ms", "ms", "the driver's send to the mock's receipt of the first upstream "
                    + "request", r -> ms(r.sendToReceipt(), r.upstreamAttempts() > 0)),
            new Column<>("first_token_delay_ms", "ms", "the first-token event's arrival minus the mock's write of it",
                    r -> ms(r.firstTokenDelay(), r.firstTokenDelay() != -1)),
            new Column<>("event_delay_p50_ms", "ms", "median arrival minus write over the attempt's paired events",
                    r -> median(sorted(r.eventDelays()))),
            new Column<>("event_delay_max_ms", "ms", "largest arrival minus write over them",
                    r -> max(sorted(r.eventDelays()))),
            new Column<>("jitter_p50_ms", "ms", "median absolute change of that delay from one event to the next",
                    r -> median(absoluteSorted(r.jitters()))),
            new Column<>("jitter_max_ms", "ms", "largest absolute change", r -> max(absoluteSorted(r.jitters()))),
            new Column<>("mock_events", "", "events the mock wrote, over all upstream requests of the tag",
                    JoinedRequest::mockEvents),
            new Column<>("client_events", "", "events the client read", JoinedRequest::clientEvents),
            aligned("unchanged", "client events paired with a mock event of equal data", a -> a.unchanged),
            aligned("rewritten", "pairs whose data differ", a -> a.rewritten),
            aligned("dropped", "mock events no client event holds", a -> a.dropped),
            aligned("added", "client events with no mock event", a -> a.added),
            aligned("merged", "mock events more than client events where the gateway merged events", a -> a.merged),
            aligned("split", "client events more than mock events where it split them", a -> a.split),
            new Column<>("mock_writes", "", "the mock's flushes that carried paired events", JoinedRequest::mockWrites),
            new Column<>("client_deliveries", "", "the client's deliveries (reads less than 50 µs apart) that carried "
                    + "paired events", JoinedRequest::clientDeliveries),
            new Column<>("merged_writes", "", "mock flushes delivered together with another flush's events",
                    JoinedRequest::mergedWrites),
            new Column<>("split_writes", "", "mock flushes delivered in several parts", JoinedRequest::splitWrites),
            new Column<>("mock_bytes", "bytes", "the data of the mock's events", JoinedRequest::mockBytes),
            new Column<>("client_bytes", "bytes", "the data of the client's events", JoinedRequest::clientBytes)));

    /** One row of gateway_summary.csv: a metric's histogram for one stage and route. */
    record SummaryLine(int stage, String workload, Route route, GatewayMetric metric, Histogram histogram) {
    }

    /** gateway_summary.csv. */
    static final Columns<SummaryLine> SUMMARY_COLUMNS = new Columns<>(List.of(
            new Column<>("stage", "", "stage number", SummaryLine::stage),
            new Column<>("workload", "", "`concurrency=N` or `rate=R/s ...`", SummaryLine::workload),
            new Column<>("route", "", "`gateway` or `direct`", l -> l.route().label()),
            new Column<>("metric", "", "`send_to_receipt`, `event_delay`, `first_token_delay` or `jitter`",
                    l -> l.metric().label()),
            new Column<>("count", "", "values recorded (measured requests only)", l -> l.histogram().getTotalCount()),
            new Column<>("mean_ms", "ms", "mean", l -> stat(l, h -> h.getMean())),
            new Column<>("p50_ms", "ms", "median", l -> stat(l, h -> (double) h.getValueAtPercentile(50))),
            new Column<>("p90_ms", "ms", "90th percentile", l -> stat(l, h -> (double) h.getValueAtPercentile(90))),
            new Column<>("p99_ms", "ms", "99th percentile", l -> stat(l, h -> (double) h.getValueAtPercentile(99))),
            new Column<>("p999_ms", "ms", "99.9th percentile", l -> stat(l, h -> (double) h.getValueAtPercentile(99.9))),
            new Column<>("max_ms", "ms", "largest value", l -> stat(l, h -> (double) h.getMaxValue())),
            new Column<>("few_samples", "", "the percentile columns that rest on too few values, as in `summary.csv`",
                    l -> FewSamples.columns(l.histogram().getTotalCount()))));

    private GatewayFiles() {
    }

    static void write(Path dir, GatewayResult result, long startMillis, long endMillis) {
        try (CsvOut<JoinedRequest> out = REQUESTS_COLUMNS.open(dir.resolve(REQUESTS))) {
            result.requests.forEach(out::write);
        }
        try (CsvOut<SummaryLine> out = SUMMARY_COLUMNS.open(dir.resolve(SUMMARY))) {
            for (Map.Entry<Integer, Map<Route, Pool>> stage : result.pools.entrySet()) {
                for (Route route : new Route[] {Route.GATEWAY, Route.DIRECT}) {
                    for (GatewayMetric m : GatewayMetric.values()) {
                        out.write(new SummaryLine(stage.getKey(), result.stageNames.getOrDefault(stage.getKey(), ""),
                                route, m, stage.getValue().get(route).histogram(m)));
                    }
                }
            }
        }
        hlogs(dir, result, startMillis, endMillis);
    }

    private static Column<JoinedRequest> aligned(String name, String meaning, Function<Alignment, Integer> count) {
        return new Column<>(name, "", meaning + " (empty when not joined)",
                r -> r.alignment() == null ? "" : count.apply(r.alignment()));
    }

    private static void hlogs(Path dir, GatewayResult result, long startMillis, long endMillis) {
        for (GatewayMetric m : GatewayMetric.values()) {
            Path file = dir.resolve(m.file());
            try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.UTF_8)) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputComment("streambench gateway " + m.label() + ", values in ns (max column in ms), "
                        + "tag = route.stage, one histogram per stage and route over the whole run");
                writer.outputLogFormatVersion();
                writer.outputStartTime(startMillis);
                writer.outputBaseTime(startMillis);
                writer.setBaseTime(startMillis);
                writer.outputLegend();
                for (Map.Entry<Integer, Map<Route, Pool>> stage : result.pools.entrySet()) {
                    for (Route route : new Route[] {Route.GATEWAY, Route.DIRECT}) {
                        Histogram h = stage.getValue().get(route).histogram(m);
                        if (h.getTotalCount() == 0) {
                            continue;
                        }
                        Histogram copy = h.copy();
                        copy.setTag(route.label() + ".stage" + stage.getKey());
                        writer.outputIntervalHistogram(0, (endMillis - startMillis) / 1000.0, copy, 1e6);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static String stat(SummaryLine l, Function<Histogram, Double> value) {
        return l.histogram().getTotalCount() == 0 ? "" : num(value.apply(l.histogram()) / 1e6);
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static long[] absoluteSorted(long[] values) {
        return Arrays.stream(values).map(Math::abs).sorted().toArray();
    }

    private static String ms(long nanos, boolean present) {
        return present ? num(nanos / 1e6) : "";
    }

    private static String median(long[] sorted) {
        return sorted.length == 0 ? "" : num(sorted[(sorted.length - 1) / 2] / 1e6);
    }

    private static String max(long[] sorted) {
        return sorted.length == 0 ? "" : num(sorted[sorted.length - 1] / 1e6);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
