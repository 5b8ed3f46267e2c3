package io.streambench.report.folder;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.streambench.driver.StageMetrics;
import io.streambench.driver.StageWindow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code results} of {@code run.json} (keys in reports/README.md). Numbers are boxed where files written by
 * earlier versions may lack the key: absent reads as null, and is left out again when written back (a merge
 * copies its sources' results), so that no reader takes a missing figure for a zero.
 */
public final class RunJsonResults {

    private RunJsonResults() {
    }

    /**
     * @param stages           per stage; null when the file has none
     * @param maxHeapUsedMb    largest heap in use at the once-a-second samples
     * @param maxHeapAfterGcMb largest live heap after a collection
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Results(List<Stage> stages, Double maxHeapUsedMb, Double maxHeapAfterGcMb, Limits limits) {

        public Results {
            stages = stages == null ? null : List.copyOf(stages);
        }

        /** Results without a sweep or a search. */
        public Results(List<Stage> stages, Double maxHeapUsedMb, Double maxHeapAfterGcMb) {
            this(stages, maxHeapUsedMb, maxHeapAfterGcMb, null);
        }

        /** The stages, none when the file has none. */
        public List<Stage> stageList() {
            return stages == null ? List.of() : stages;
        }
    }

    /**
     * One stage: its totals (warmup and drain included), its phases, its errors by class and their most frequent
     * messages.
     *
     * @param index         stage number
     * @param workload      its workload label
     * @param seconds       the whole stage: warmup, window and drain
     * @param totals        written as keys of the stage itself
     * @param phases        written as keys of the stage itself; null when unknown (written before they were)
     * @param errorsByClass failed attempts by class label
     * @param errorMessages per class label, its most frequent messages
     * @param slo           its objectives and goodput ({@code --slo}); null without objectives
     * @param saturated     why the stage did not carry the load it was given, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stage(Integer index, String workload, Double seconds, @JsonUnwrapped Totals totals,
            @JsonUnwrapped Phases phases, Map<String, Long> errorsByClass, Map<String, TopMessages> errorMessages,
            Slo slo, String saturated) {

        /** A stage without objectives, not saturated. */
        public Stage(Integer index, String workload, Double seconds, Totals totals, Phases phases,
                Map<String, Long> errorsByClass, Map<String, TopMessages> errorMessages) {
            this(index, workload, seconds, totals, phases, errorsByClass, errorMessages, null, null);
        }

        public Stage {
            // Jackson gives an unwrapped part with no key present as an empty record
            phases = phases == null || phases.windowS() == null ? null : phases;
            totals = totals == null ? new Totals(null, null, null, null, null, null, null, null, null) : totals;
            errorsByClass = Collections.unmodifiableMap(errorsByClass == null ? Map.of()
                    : new LinkedHashMap<>(errorsByClass));
        }
    }

    /**
     * A stage against the run's objectives.
     *
     * @param objectives          every objective, per-request ones first ({@code ttft<=500ms}, {@code ttft.p99<=1s})
     * @param attainment          the share of requests that must meet the per-request objectives
     * @param requests            measured requests judged (their last attempts)
     * @param met                 of those, the ones that succeeded and met every per-request objective
     * @param share               {@code met / requests}
     * @param shares              per per-request objective, the share of the measured requests that met it
     * @param goodputRequestsPerS requests that met every per-request objective and ended within the window, per
     *                            second of window
     * @param goodputTokensPerS   their output tokens per second of window
     * @param checks              each objective of the stage: its figure (a percentile in ms, a share) and whether
     *                            it held
     * @param meets               every objective held and the stage was not saturated
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Slo(List<String> objectives, Double attainment, Long requests, Long met, Double share,
            Map<String, Double> shares, Double goodputRequestsPerS, Double goodputTokensPerS, List<SloCheck> checks,
            Boolean meets) {
    }

    /** One objective against a stage: its figure ({@code ms} for a percentile, a share for requests) and verdict. */
    public record SloCheck(String objective, Double value, boolean met) {
    }

    /**
     * A sweep's or a search's outcome ({@code run --sweep}, {@code --find-max-rate}, {@code --find-max-concurrency}).
     *
     * @param search  {@code sweep}, {@code max_rate} or {@code max_concurrency}
     * @param unit    {@code requests/s} or {@code streams}
     * @param answer  the highest level that met every objective (null: none did, or a sweep)
     * @param low     the bracket's low end: the highest level seen to meet them (null: none)
     * @param high    the bracket's high end: the lowest level seen to miss them (null: none missed)
     * @param line    the answer as the console printed it
     * @param knee    a sweep's last stage before latency turns up, or null
     * @param stages  every stage the sweep or search ran, in order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limits(String search, String unit, Double answer, Double low, Double high, String line, Integer knee,
            List<Probe> stages) {
    }

    /**
     * One stage of a sweep or a search.
     *
     * @param stage         stage number
     * @param role          {@code synchronous}, {@code throughput}, {@code rate}, {@code bracket}, {@code bisect},
     *                      {@code repeat}
     * @param level         the rate (requests/s) or concurrency it ran
     * @param achievedRate  requests that succeeded within its window, per second
     * @param meets         whether it met every objective (null without objectives)
     * @param saturated     why it did not carry its load, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Probe(int stage, String role, double level, Double achievedRate, Boolean meets, String saturated) {
    }

    /** A stage's totals, named as in run.json. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Totals(Long requests, Long succeeded, Long failed, Long attempts, Long failedAttempts, Long retries,
            Long outputTokens, Long chunks, Long bytes) {

        /** A finished stage's counters. */
        public static Totals of(StageMetrics.Counters c) {
            return new Totals(c.completed(), c.succeeded(), c.failed(), c.attempts(), c.failedAttempts(), c.retries(),
                    c.tokens(), c.chunks(), c.bytes());
        }
    }

    /**
     * A stage's warmup, measured window and drain: lengths in seconds (rounded to ms), the window's rates (null for
     * an empty window) and what each phase held.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Phases(Double warmupS, Double windowS, Double drainS,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double requestsPerS,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double tokensPerS, PhaseCounts warmup, PhaseCounts window,
            PhaseCounts drain) {

        public static Phases of(StageWindow.Figures w) {
            return new Phases(round(w.warmupSeconds()), round(w.windowSeconds()), round(w.drainSeconds()),
                    rate(w.requestsPerSecond()), rate(w.tokensPerSecond()), PhaseCounts.of(w.warmup()),
                    PhaseCounts.of(w.window()), PhaseCounts.of(w.drain()));
        }

        /** Back to the driver's figures (a merge adds its sources'). */
        public StageWindow.Figures figures() {
            return new StageWindow.Figures(value(warmupS), value(windowS), value(drainS), PhaseCounts.counts(warmup),
                    PhaseCounts.counts(window), PhaseCounts.counts(drain));
        }

        private static double value(Double seconds) {
            return seconds == null ? 0 : seconds;
        }

        /** Null (JSON null) for an empty window's rate. */
        private static Double rate(double perSecond) {
            return Double.isNaN(perSecond) ? null : round(perSecond);
        }
    }

    /** What one phase held, keys as in a stage's totals. */
    public record PhaseCounts(long requests, long succeeded, long outputTokens, long chunks, long bytes) {

        static PhaseCounts of(StageWindow.Counts c) {
            return new PhaseCounts(c.requests(), c.succeeded(), c.tokens(), c.chunks(), c.bytes());
        }

        static StageWindow.Counts counts(PhaseCounts p) {
            return p == null ? new StageWindow.Counts(0, 0, 0, 0, 0)
                    : new StageWindow.Counts(p.requests, p.succeeded, p.outputTokens, p.chunks, p.bytes);
        }
    }

    /**
     * A class's most frequent messages, most frequent first, and the failed attempts with any other message.
     *
     * @param messages at most {@code ErrorMessages.KEPT}, ties in first-seen order
     * @param other    failed attempts of this class whose message is not in {@code messages}
     */
    public record TopMessages(List<MessageCount> messages, long other) {

        public TopMessages {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }

    /** One message and how many failed attempts had it. */
    public record MessageCount(String message, long count) {
    }

    /** Milliseconds precision, as run.json keeps seconds and rates. */
    public static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
