package io.streambench.report.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged CSV is one line naming the file and the line, whatever is wrong with it. */
class CsvRowsTest {

    private static String failure(Path file, String text, String column) throws IOException {
        Files.writeString(file, text);
        return assertThrows(IllegalArgumentException.class, () -> CsvRows.read(file, c -> c.number(column)))
                .getMessage();
    }

    @Test
    void shouldNameTheFileAndLineOfACellThatIsNotANumber(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("timeline.csv");

        assertEquals(file + " line 3: elapsed_s=abc is not a number",
                failure(file, "elapsed_s,stage\n1.0,0\nabc,0\n", "elapsed_s"));
    }

    @Test
    void shouldNameTheFileAndLineOfAQuoteLeftOpen(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("requests.csv");

        String message = failure(file, "a,b\n1,2\n3,\"4\n", "a");

        assertEquals(file + " line 3: EOF reached before encapsulated token finished", message);
    }

    @Test
    void shouldNameAColumnTheFileLacksAndACutRecord(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("summary.csv");

        assertEquals(file + " line 2: no column p50", failure(file, "stage,mean\n0,1.5\n", "p50"));
        assertEquals(file + " line 3: no mean cell (1 cells, the header has 2)",
                failure(file, "stage,mean\n0,1.5\n1\n", "mean"));
    }

    @Test
    void shouldReadEmptyCellsAsNaNAndAnAbsentFileAsNoRows(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.csv"), "a,b\n,2\n");

        assertEquals(1, CsvRows.read(file, c -> c.number("a")).size());
        assertEquals(Double.NaN, CsvRows.read(file, c -> c.number("a")).get(0));
        assertEquals(List.of(), CsvRows.read(dir.resolve("absent.csv"), c -> c.number("a")));
    }
}
