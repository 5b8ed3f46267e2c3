package io.streambench.report;

import io.streambench.driver.limits.LimitOutcome;
import io.streambench.report.folder.RunJsonResults;

/** A sweep's or a search's outcome as run.json's {@code results.limits}. */
public final class LimitsJson {

    private LimitsJson() {
    }

    /** The outcome as written; null for null. */
    public static RunJsonResults.Limits of(LimitOutcome o) {
        if (o == null) {
            return null;
        }
        return new RunJsonResults.Limits(o.search(), o.unit(), value(o.answer()), value(o.low()), value(o.high()),
                o.line(), o.knee() < 0 ? null : o.knee(), o.stages().stream()
                        .map(p -> new RunJsonResults.Probe(p.stage(), p.role(), p.level(), value(p.achievedRate()),
                                p.meets(), p.saturated())).toList());
    }

    private static Double value(double v) {
        return Double.isNaN(v) ? null : RunJsonResults.round(v);
    }
}
