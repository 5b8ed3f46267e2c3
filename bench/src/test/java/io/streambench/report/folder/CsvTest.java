package io.streambench.report.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void millisecondsWithThreeDecimalsMatchFormatterRounding() {
        assertEquals("", Csv.ms(-1));
        assertEquals("0.000", Csv.ms(0));
        assertEquals("0.000", Csv.ms(499));
        assertEquals("0.001", Csv.ms(500));
        assertEquals("0.010", Csv.ms(10_000));
        assertEquals("0.100", Csv.ms(100_000));
        assertEquals("1.000", Csv.ms(999_500));
        assertEquals("200.542", Csv.ms(200_541_700));
        assertEquals("9223372036854.776", Csv.ms(Long.MAX_VALUE));
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long nanos = r.nextLong(10_000_000_000L);
            if (nanos % 1000 == 500) {
                continue; // an exact half: the double nanos / 1e6 may sit on either side of it
            }
            assertEquals(String.format(Locale.ROOT, "%.3f", nanos / 1e6), Csv.ms(nanos), "nanos " + nanos);
        }
    }
}
