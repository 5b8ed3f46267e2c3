package io.streambench.driver.limits;

import io.streambench.driver.Metric;
import io.streambench.driver.StageWindow;
import io.streambench.driver.Workload;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a finished stage measured, as a verdict needs it: its workload, its whole histograms (measured requests),
 * its window and the objectives' tally.
 *
 * @param index      stage number
 * @param workload   what it ran
 * @param histograms per metric, the stage's measured values (ns or tokens)
 * @param window     its warmup, window and drain
 * @param slo        the objectives' tally
 */
public record StageFigures(int index, Workload workload, Map<Metric, Histogram> histograms, StageWindow.Figures window,
        SloCounts slo) {
}
