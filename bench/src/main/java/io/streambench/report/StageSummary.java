package io.streambench.report;

import io.streambench.driver.ErrorClass;
import io.streambench.driver.Metric;
import io.streambench.driver.StageMetrics;
import io.streambench.driver.StageWindow;
import io.streambench.driver.limits.StageVerdict;
import io.streambench.report.folder.RunJsonResults.TopMessages;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A finished (or interrupted) stage: its whole-stage histograms, final counters, errors by class and their
 * most frequent messages.
 *
 * @param index      stage number
 * @param workload   workload label
 * @param histograms every metric's histogram over the stage's measured requests
 * @param counters   final counters (warmup included)
 * @param errors     failed attempts by class (warmup included)
 * @param seconds    how long the stage ran
 * @param messages   per error class, its most frequent messages (warmup included)
 * @param window     its warmup, measured window and drain with what each held; null when unknown (a merged
 *                   source written before these were recorded)
 * @param verdict    the stage against the run's objectives, and whether it was saturated; null when unknown (a
 *                   merge)
 */
public record StageSummary(int index, String workload, Map<Metric, Histogram> histograms,
        StageMetrics.Counters counters, Map<ErrorClass, Long> errors, double seconds,
        Map<ErrorClass, TopMessages> messages, StageWindow.Figures window, StageVerdict verdict) {

    public StageSummary {
        histograms = Collections.unmodifiableMap(new EnumMap<>(histograms));
        errors = Collections.unmodifiableMap(new EnumMap<>(errors));
        Map<ErrorClass, TopMessages> byClass = new EnumMap<>(ErrorClass.class);
        byClass.putAll(messages);
        messages = Collections.unmodifiableMap(byClass);
    }

    /** A stage not judged. */
    public StageSummary(int index, String workload, Map<Metric, Histogram> histograms,
            StageMetrics.Counters counters, Map<ErrorClass, Long> errors, double seconds,
            Map<ErrorClass, TopMessages> messages, StageWindow.Figures window) {
        this(index, workload, histograms, counters, errors, seconds, messages, window, null);
    }

    /** A stage without error messages. */
    public StageSummary(int index, String workload, Map<Metric, Histogram> histograms,
            StageMetrics.Counters counters, Map<ErrorClass, Long> errors, double seconds, StageWindow.Figures window) {
        this(index, workload, histograms, counters, errors, seconds, Map.of(), window);
    }
}
