package io.streambench.mock.internal.http;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.streambench.mock.internal.model.ModelStats;
import io.streambench.mock.internal.model.ServerModels;
import io.streambench.mock.internal.stats.ServerStats;
import io.streambench.mock.stats.StatsSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code GET /metrics}: the {@code /stats} figures in the Prometheus text format, written by the Prometheus
 * Java client's model and text writer. Pacing lateness is a classic histogram filled from the server's
 * HdrHistogram at scrape time, so recording stays one HdrHistogram write per event.
 */
final class PrometheusMetrics {

    /** Bucket upper bounds for pacing lateness, in seconds: 100 µs to 1 s. */
    private static final double[] LATENESS_BOUNDS = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0};

    private PrometheusMetrics() {
    }

    /** The content type of the text format. */
    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    /** Renders every metric of {@code stats} and of the server {@code models} (labelled by model). */
    static byte[] render(ServerStats stats, ServerModels models, String transport) {
        StatsSnapshot s = stats.snapshot(false);
        ServerStats.LatenessBuckets lateness = stats.latenessBuckets(LATENESS_BOUNDS);
        MetricSnapshots.Builder all = MetricSnapshots.builder()
                .metricSnapshot(gauge("streambench_mock_active_streams", "Streams open now.", s.activeStreams()))
                .metricSnapshot(gauge("streambench_mock_unwritable_streams",
                        "Streams waiting now for a slow reader.", s.streamsUnwritable()))
                .metricSnapshot(counter("streambench_mock_streams_started", "Streams started.", s.streamsStarted()))
                .metricSnapshot(counter("streambench_mock_streams_completed", "Streams that sent their last byte.",
                        s.streamsCompleted()))
                .metricSnapshot(counter("streambench_mock_streams_cancelled", "Streams whose client went away.",
                        s.streamsCancelled()))
                .metricSnapshot(counter("streambench_mock_streams_faulted", "Streams ended by an injected fault.",
                        s.streamsFaulted()))
                .metricSnapshot(counter("streambench_mock_events_sent", "SSE events written.", s.eventsSent()))
                .metricSnapshot(counter("streambench_mock_sent_bytes", "SSE bytes written (without HTTP framing).",
                        s.bytesSent()))
                .metricSnapshot(counter("streambench_mock_unwritable_seconds",
                        "Time streams spent waiting for slow readers (finished waits).", s.unwritableMs() / 1000.0))
                .metricSnapshot(counter("streambench_mock_requests", "Requests received.", s.requests()))
                .metricSnapshot(labelled("streambench_mock_responses", "Responses by HTTP status.", "status",
                        s.responsesByStatus()))
                .metricSnapshot(labelled("streambench_mock_faults", "Injected faults fired, by kind.", "kind",
                        s.faults()))
                .metricSnapshot(HistogramSnapshot.builder()
                        .name("streambench_mock_pace_lateness_seconds")
                        .help("How late each paced write was against its deadline.")
                        .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                                .classicHistogramBuckets(ClassicHistogramBuckets.of(
                                        withInfinity(LATENESS_BOUNDS), lateness.counts()))
                                .sum(lateness.sumSeconds())
                                .build())
                        .build())
                .metricSnapshot(GaugeSnapshot.builder().name("streambench_mock_info").help("Server information.")
                        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                                .labels(Labels.of("transport", transport)).value(1).build())
                        .build());
        if (!models.byName().isEmpty()) {
            modelMetrics(all, models);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            PrometheusTextFormatWriter.create().write(out, all.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The server models' figures, one data point per model. */
    private static void modelMetrics(MetricSnapshots.Builder all, ServerModels models) {
        Map<String, ModelStats.Snapshot> byModel = new LinkedHashMap<>();
        models.byName().forEach((name, model) -> byModel.put(name, model.snapshot(false)));
        all.metricSnapshot(perModelGauge("streambench_mock_model_active_sequences",
                        "Sequences holding a slot of the model's batch now.", byModel, s -> s.activeSequences()))
                .metricSnapshot(perModelGauge("streambench_mock_model_queue_length",
                        "Requests waiting for a slot now.", byModel, s -> s.queueLength()))
                .metricSnapshot(perModel("streambench_mock_model_requests", "Requests that asked for a slot.",
                        byModel, s -> s.requests()))
                .metricSnapshot(perModel("streambench_mock_model_admitted", "Requests that got a slot.",
                        byModel, s -> s.admitted()))
                .metricSnapshot(perModel("streambench_mock_model_queued", "Requests that waited for a slot.",
                        byModel, s -> s.queued()))
                .metricSnapshot(perModel("streambench_mock_model_queue_wait_seconds",
                        "Time admitted requests waited for a slot.", byModel, s -> s.queueWaitMsTotal() / 1000.0))
                .metricSnapshot(perModel("streambench_mock_model_input_tokens",
                        "Prompt tokens of admitted requests (counted with the profile's tokenizer).", byModel,
                        s -> s.inputTokens()))
                .metricSnapshot(perModel("streambench_mock_model_cached_tokens",
                        "Prompt tokens found in the prefix cache.", byModel, s -> s.cachedTokens()))
                .metricSnapshot(perModel("streambench_mock_model_prefill_seconds",
                        "Prefill time of admitted requests.", byModel, s -> s.prefillMsTotal() / 1000.0))
                .metricSnapshot(perModel("streambench_mock_model_stall_seconds",
                        "Decoding stall caused by prefills (each decoding sequence waits it).", byModel,
                        s -> s.stallMsTotal() / 1000.0));
    }

    private static GaugeSnapshot perModelGauge(String name, String help, Map<String, ModelStats.Snapshot> byModel,
            ToDoubleFunction<ModelStats.Snapshot> value) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        byModel.forEach((model, s) -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of("model", model)).value(value.applyAsDouble(s)).build()));
        return b.build();
    }

    private static CounterSnapshot perModel(String name, String help, Map<String, ModelStats.Snapshot> byModel,
            ToDoubleFunction<ModelStats.Snapshot> value) {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
        byModel.forEach((model, s) -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                .labels(Labels.of("model", model)).value(value.applyAsDouble(s)).build()));
        return b.build();
    }

    private static double[] withInfinity(double[] bounds) {
        double[] b = Arrays.copyOf(bounds, bounds.length + 1);
        b[bounds.length] = Double.POSITIVE_INFINITY;
        return b;
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    private static CounterSnapshot counter(String name, String help, double value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build()).build();
    }

    private static CounterSnapshot labelled(String name, String help, String label, Map<?, Long> values) {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
        values.forEach((k, v) -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                .labels(Labels.of(label, String.valueOf(k))).value(v).build()));
        return b.build();
    }
}
