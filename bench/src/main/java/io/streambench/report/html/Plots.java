package io.streambench.report.html;

import io.streambench.report.folder.Stat;
import io.streambench.report.folder.SummaryRow;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn with XChart and encoded as PNG {@code data:} URIs, so that the page needs no
 * other file. Rendering is headless ({@code java.awt.headless} is set before AWT loads).
 */
final class Plots {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final int WIDTH = 900;
    static final int HEIGHT = 420;

    /** One line: its legend label and its points. */
    record Line(String label, double[] x, double[] y) {
    }

    /** One bar series: its legend label, one value per category, and error half-widths (null: none). */
    record Bars(String label, List<Double> values, List<Double> errors) {
    }

    private Plots() {
    }

    /**
     * HdrHistogram's percentile spectrum of {@code histogram} (ns): x is log10(1/(1-p)), so that 90 %, 99 %,
     * 99.9 % are evenly spaced (x = 1, 2, 3); y in ms. The last point is the maximum, placed at p = (n-1)/n.
     */
    static Line spectrum(String label, Histogram histogram) {
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : histogram.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo() / 100.0;
            if (p >= 1.0) {
                break;
            }
            points.add(new double[] {decades(p), histogram.highestEquivalentValue(v.getValueIteratedTo()) / 1e6});
        }
        long count = histogram.getTotalCount();
        double lastX = points.isEmpty() ? 0.0 : points.get(points.size() - 1)[0];
        points.add(new double[] {Math.max(lastX, Math.log10(count)), histogram.getMaxValue() / 1e6});
        return line(label, points);
    }

    /** The spectrum from {@code summary.csv} figures alone (when the hlog is missing): p50 ... p99.9 and max. */
    static Line spectrum(String label, SummaryRow row) {
        List<double[]> points = new ArrayList<>();
        double[][] known = {{0, row.get(Stat.MIN)}, {0.5, row.get(Stat.P50)}, {0.9, row.get(Stat.P90)},
            {0.95, row.get(Stat.P95)}, {0.99, row.get(Stat.P99)}, {0.999, row.get(Stat.P999)}};
        for (double[] k : known) {
            if (!Double.isNaN(k[1])) {
                points.add(new double[] {decades(k[0]), k[1]});
            }
        }
        if (!Double.isNaN(row.get(Stat.MAX))) {
            points.add(new double[] {Math.max(3.0, Math.log10(row.count())), row.get(Stat.MAX)});
        }
        return line(label, points);
    }

    /** log10(1/(1-p)): 0 for p = 0, 1 for 90 %, 2 for 99 %. */
    static double decades(double p) {
        return Math.log10(1.0 / (1.0 - p));
    }

    private static Line line(String label, List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Line(label, x, y);
    }

    /**
     * A percentile spectrum chart: x in decades of 1/(1-p) on a linear axis (XChart's log axis cannot take a
     * label formatter), labelled in percent; y in ms.
     */
    static String spectrumChart(String title, List<Line> lines) {
        XYChart chart = xy(title, "percentile (log scale of 1/(1-p): 90%, 99%, 99.9% evenly spaced)", "latency (ms)");
        chart.getStyler().setYAxisMin(0.0);
        chart.setCustomXAxisTickLabelsFormatter(Plots::percentLabel);
        double maxX = 1;
        for (Line line : lines) {
            addLine(chart, line, false);
            maxX = Math.max(maxX, line.x()[line.x().length - 1]);
        }
        double decades = Math.max(2, Math.ceil(maxX - 1e-9));
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(decades);
        // A tick spacing of about one decade of plot width makes XChart's "nice" step exactly 1: ticks on 0 %,
        // 90 %, 99 %... (the plot is about 800 px wide; XChart rounds steps to 1, 2 or 5 times a power of ten).
        chart.getStyler().setXAxisTickMarkSpacingHint((int) (0.9 * 800 / decades));
        return png(chart);
    }

    /** Lines over time or over a load level; {@code secondAxis} lines (may be empty) go on a right-hand axis. */
    static String lineChart(String title, String xTitle, String yTitle, List<Line> lines, String secondYTitle,
            List<Line> secondAxis, boolean markers, boolean logX) {
        return lineChart(title, xTitle, yTitle, lines, secondYTitle, secondAxis, markers, logX, false);
    }

    /**
     * ... with the y axes logarithmic when {@code logY} (latencies from a few ms to seconds, as a sweep's
     * stages span): every value must then be above 0.
     */
    static String lineChart(String title, String xTitle, String yTitle, List<Line> lines, String secondYTitle,
            List<Line> secondAxis, boolean markers, boolean logX, boolean logY) {
        XYChart chart = xy(title, xTitle, yTitle);
        if (logY) {
            chart.getStyler().setYAxisLogarithmic(true);
        } else {
            chart.getStyler().setYAxisMin(0.0);
        }
        if (logX) {
            chart.getStyler().setXAxisLogarithmic(true);
        }
        for (Line line : lines) {
            addLine(chart, line, markers);
        }
        if (!secondAxis.isEmpty()) {
            for (Line line : secondAxis) {
                addLine(chart, line, markers).setYAxisGroup(1);
            }
            chart.setYAxisGroupTitle(1, secondYTitle);
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            if (!logY) {
                chart.getStyler().setYAxisMin(1, 0.0);
            }
        }
        return png(chart);
    }

    /** Bars per category, one colour per series, error bars where a series has them. */
    static String barChart(String title, String xTitle, String yTitle, List<String> categories, List<Bars> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendVisible(series.size() > 1 || !series.get(0).label().isEmpty());
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        if (categories.size() > 6) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setOverlapped(false);
        for (Bars bars : series) {
            String label = bars.label().isEmpty() ? " " : bars.label();
            if (bars.errors() == null) {
                chart.addSeries(label, categories, bars.values());
            } else {
                chart.addSeries(label, categories, bars.values(), bars.errors());
            }
        }
        return png(chart);
    }

    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    private static XYSeries addLine(XYChart chart, Line line, boolean markers) {
        XYSeries series = chart.addSeries(line.label(), line.x(), line.y());
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        if (!markers) {
            series.setMarker(SeriesMarkers.NONE);
        }
        return series;
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(new Color(0xCC, 0xCC, 0xCC));
        styler.setChartTitleBoxVisible(false);
        styler.setAntiAlias(true);
    }

    /**
     * log10(1/(1-p)) as a percentile: 0 is 0 %, 1 is 90 %, 3 is 99.9 %, 0.5 is 68.4 %. Labels must stay distinct
     * (XChart widens the tick spacing until they are), so the digits grow with the decades.
     */
    static String percentLabel(double decades) {
        if (decades < 0.0) {
            return Double.toString(decades); // a tick XChart computes left of the axis, never drawn; distinct
        }
        if (decades == 0.0) {
            return "0%";
        }
        double percent = 100.0 * (1.0 - Math.pow(10, -decades));
        int digits = Math.max(3, (int) Math.ceil(decades) + 2);
        return new BigDecimal(percent).round(new MathContext(digits)).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * The chart as a {@code data:image/png;base64,...} URI. Encoded through an in-memory stream: ImageIO's
     * default file cache registers a shutdown hook per stream, which fails when a run is written from
     * Ctrl-C's shutdown hook (and costs a temporary file per image).
     */
    static String png(Chart<?, ?> chart) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
