package io.streambench.report.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streambench.driver.StageMetrics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every timeline.csv column carries its own value, from the stage's counters to the cell. */
class TimelineCsvTest {

    @Test
    void shouldReadEveryColumnBackByNameWithItsOwnValue(@TempDir Path dir) {
        // counters one tick apart: started +1, done +2, ok +3, failed +4, errors +7, retries +8, tokens +900...
        StageMetrics.Counters before = new StageMetrics.Counters(100, 200, 300, 400, 9, 500, 600, 700, 800, 900, 1000);
        StageMetrics.Counters now = new StageMetrics.Counters(101, 202, 303, 404, 6, 555, 607, 708, 1700, 915, 17000);
        TimelineRow row = TimelineRow.measured(new TimelineRow.Interval(14, 12.345, 0.5, 1_700_000_000_123L),
                TimelineRow.Tally.between(before, now), 33.3);
        Path file = dir.resolve("timeline.csv");

        try (CsvOut<TimelineRow> out = TimelineCsv.COLUMNS.open(file)) {
            out.write(row);
        }

        DistinctCells.assertReadBack(file, TimelineCsv.COLUMNS, "timeline-row.txt");
        assertEquals(List.of(row), TimelineCsv.read(file), "read back into the row written");
    }

    @Test
    void shouldReadATimelineWrittenBeforeEpochChunksAndBytesExisted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("timeline.csv");
        java.nio.file.Files.writeString(file, "elapsed_s,stage,interval_s,started,done,ok,failed,errors,retries,"
                + "in_flight,tokens,tokens_per_s,heap_used_mb\n1.000,0,1.000,4,3,2,1,1,0,5,120,120.0,20.5\n");

        TimelineRow row = TimelineCsv.read(file).get(0);

        assertEquals(-1, row.interval().epochMillis());
        assertEquals(new TimelineRow.Tally(4, 3, 2, 1, 1, 0, 5, 120, 0, 0), row.tally());
    }
}
