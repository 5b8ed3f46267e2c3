package io.streambench.report;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.Metric;
import io.streambench.report.folder.SummaryRow;
import io.streambench.report.folder.TurnRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * A conversation run's figures per turn, from its {@code requests.csv} rows as the report writes them (off the
 * event loops): per stage and turn, the same measured values the stage's histograms pool. Turns past
 * {@link #TURNS} pool into the last row, so memory stays bounded however long a conversation.
 *
 * <pre>{@code
 * figures.add(row);                              // every attempt row
 * List<TurnRow> rows = figures.rows(workloads);   // at the end: turns.csv
 * }</pre>
 */
final class TurnFigures {

    /** Turns with a row of their own; later turns share the last. */
    static final int TURNS = 16;
    static final List<Metric> METRICS = List.of(Metric.TTFT, Metric.RESPONSE_TTFT, Metric.TPOT, Metric.E2E,
            Metric.SCHEDULE_LAG, Metric.INPUT_TOKENS, Metric.USAGE_INPUT_TOKENS, Metric.CACHED_TOKENS,
            Metric.OUTPUT_TOKENS);

    /** stage → turn index (0 to TURNS - 1) → metric → values. */
    private final Map<Integer, Map<Integer, Map<Metric, Histogram>>> stages = new TreeMap<>();

    /** Adds a measured attempt of a conversation's turn; other rows are ignored. */
    void add(AttemptRow row) {
        if (!row.id().measured() || row.plan().session() < 0) {
            return;
        }
        Map<Metric, Histogram> h = stages.computeIfAbsent(row.id().stage(), s -> new TreeMap<>())
                .computeIfAbsent(Math.min(row.plan().turn(), TURNS - 1), t -> new EnumMap<>(Metric.class));
        boolean ok = row.ending().error().ok();
        record(h, Metric.TTFT, row.times().ttft());
        record(h, Metric.RESPONSE_TTFT, row.times().responseTtft());
        record(h, Metric.TPOT, row.tpot());
        record(h, Metric.E2E, ok ? row.times().e2e() : -1);
        record(h, Metric.SCHEDULE_LAG, row.scheduleLag());
        record(h, Metric.INPUT_TOKENS, row.id().attempt() == 1 ? row.plan().inputTokens() : -1);
        record(h, Metric.USAGE_INPUT_TOKENS, row.plan().usageInputTokens());
        record(h, Metric.CACHED_TOKENS, row.plan().cachedTokens());
        record(h, Metric.OUTPUT_TOKENS, ok ? row.received().outputTokens() : -1);
    }

    private static void record(Map<Metric, Histogram> h, Metric metric, long value) {
        if (value >= 0) {
            h.computeIfAbsent(metric, m -> new Histogram(3)).recordValue(value);
        }
    }

    /** Whether any conversation turn was added. */
    boolean any() {
        return !stages.isEmpty();
    }

    /** The rows of turns.csv: by stage, turn and metric. */
    List<TurnRow> rows(Map<Integer, String> workloads) {
        List<TurnRow> rows = new ArrayList<>();
        stages.forEach((stage, turns) -> turns.forEach((turn, metrics) -> {
            String label = turn == TURNS - 1 ? TURNS + "+" : Integer.toString(turn + 1);
            for (Metric metric : METRICS) {
                Histogram h = metrics.get(metric);
                if (h != null) {
                    rows.add(new TurnRow(label, SummaryRow.of(stage, workloads.getOrDefault(stage, ""), metric, h)));
                }
            }
        }));
        return rows;
    }
}
