package io.streambench.report.compare;

/** A figure and its unit. */
public record Measured(Figure figure, MetricUnit unit) {

    public Measured {
        if (figure == null || unit == null) {
            throw new IllegalArgumentException("figure and unit are required");
        }
    }
}
