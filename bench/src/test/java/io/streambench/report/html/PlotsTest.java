package io.streambench.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PlotsTest {

    @Test
    void shouldLabelWholeDecadesAsTheNinesPercentiles() {
        assertEquals("0%", Plots.percentLabel(0));
        assertEquals("90%", Plots.percentLabel(1));
        assertEquals("99%", Plots.percentLabel(2));
        assertEquals("99.9%", Plots.percentLabel(3));
        assertEquals("99.999%", Plots.percentLabel(5));
    }

    @Test
    void shouldKeepTickLabelsDistinctSoThatXChartStopsWideningTheSpacing() {
        Set<String> labels = new HashSet<>();
        for (int i = -2; i <= 60; i++) {
            assertTrue(labels.add(Plots.percentLabel(i * 0.1 + 0.0)), "tick " + i * 0.1);
        }
    }

    @Test
    void shouldEndTheSpectrumAtTheMaximumAfterTheLastPercentile() {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 1_000_000L); // 1..1000 ms
        }
        Plots.Line line = Plots.spectrum("s", h);
        int last = line.x().length - 1;

        assertEquals(1000.0, line.y()[last], 1.0);
        // at least log10(1000 values) = 3 (p = 99.9 %), or where HdrHistogram's last percentile step was
        assertTrue(line.x()[last] >= 3.0 && line.x()[last] < 3.1, "max at x=" + line.x()[last]);
        for (int i = 1; i < line.x().length; i++) {
            assertTrue(line.x()[i] >= line.x()[i - 1] && line.y()[i] >= line.y()[i - 1], "monotonic at " + i);
        }
        assertEquals(0.0, line.x()[0], 0.01);
        int p99 = indexNear(line.x(), 2.0);
        assertEquals(990.0, line.y()[p99], 12.0);
    }

    @Test
    void shouldRenderAPngDataUri() {
        String uri = Plots.spectrumChart("t", List.of(new Plots.Line("a", new double[] {0, 1, 2}, new double[] {1, 2, 5})));
        assertTrue(uri.startsWith("data:image/png;base64,iVBORw0KGgo"), uri.substring(0, 40));
    }

    private static int indexNear(double[] xs, double x) {
        int best = 0;
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) {
                best = i;
            }
        }
        return best;
    }
}
