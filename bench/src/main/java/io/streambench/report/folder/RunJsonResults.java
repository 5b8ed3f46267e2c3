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
    public record Results(List<Stage> stages, Double maxHeapUsedMb, Double maxHeapAfterGcMb) {

        public Results {
            stages = stages == null ? null : List.copyOf(stages);
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
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stage(Integer index, String workload, Double seconds, @JsonUnwrapped Totals totals,
            @JsonUnwrapped Phases phases, Map<String, Long> errorsByClass, Map<String, TopMessages> errorMessages) {

        public Stage {
            // Jackson gives an unwrapped part with no key present as an empty record
            phases = phases == null || phases.windowS() == null ? null : phases;
            totals = totals == null ? new Totals(null, null, null, null, null, null, null, null, null) : totals;
            errorsByClass = Collections.unmodifiableMap(errorsByClass == null ? Map.of()
                    : new LinkedHashMap<>(errorsByClass));
        }
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
