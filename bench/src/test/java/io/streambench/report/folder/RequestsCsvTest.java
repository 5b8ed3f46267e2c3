package io.streambench.report.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streambench.driver.AttemptRow;
import io.streambench.driver.AttemptTimes;
import io.streambench.driver.ClientFigures;
import io.streambench.driver.ErrorClass;
import io.streambench.driver.TokenSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every requests.csv column carries its own value: two swapped cells fail here. */
class RequestsCsvTest {

    private static final long MS = 1_000_000;

    /** An attempt whose every column holds a value no other column holds. */
    static AttemptRow distinctRow() {
        long origin = 5_000 * MS;
        long intended = origin + 1_001 * MS;
        long send = intended + 3 * MS;
        AttemptTimes times = new AttemptTimes(origin, intended, 2 * MS, send, send + 5 * MS, send + 6 * MS,
                send + 7 * MS, send + 9 * MS, send + 900 * MS, send + 950 * MS, 8 * MS);
        return new AttemptRow(new AttemptRow.Id(11, 1, 3, true), times,
                new AttemptRow.Ending(ErrorClass.NONE, 203, "a message", 12 * MS, true),
                new AttemptRow.Received(31, 4099, 47, TokenSource.TOKENIZER, "cl100k_base", "length", null, 23),
                new AttemptRow.Overhead(13 * MS, 14 * MS), new ClientFigures(17, 15 * MS, 1234, false),
                new AttemptRow.Plan(1999, 201, 2011, 1536, 5, 41, 5)).withSlo("ttft;itl.max");
    }

    @Test
    void shouldReadEveryColumnBackByNameWithItsOwnValue(@TempDir Path dir) {
        Path file = dir.resolve("requests.csv");
        try (CsvOut<AttemptRow> out = RequestsCsv.COLUMNS.open(file)) {
            out.write(distinctRow());
        }

        DistinctCells.assertReadBack(file, RequestsCsv.COLUMNS, "requests-row.txt");
    }

    @Test
    void shouldLeaveCellsEmptyForWhatDidNotHappen(@TempDir Path dir) {
        long origin = 1_000 * MS;
        AttemptTimes neverSent = new AttemptTimes(origin, origin + MS, -1, -1, -1, -1, -1, -1, origin + 2 * MS, -1);
        AttemptRow refused = new AttemptRow(new AttemptRow.Id(0, 1, 0, false), neverSent,
                new AttemptRow.Ending(ErrorClass.CONNECT, 0, null, -1, false),
                new AttemptRow.Received(0, 0, 0, TokenSource.NONE, "o200k_base", null), new AttemptRow.Overhead(0, -1),
                ClientFigures.NONE, AttemptRow.Plan.NONE);
        Path file = dir.resolve("requests.csv");
        try (CsvOut<AttemptRow> out = RequestsCsv.COLUMNS.open(file)) {
            out.write(refused);
        }

        Map<String, String> read = DistinctCells.onlyRow(file, RequestsCsv.COLUMNS.names());

        for (String empty : List.of("start_ms", "connect_ms", "status", "error_message", "retry_after_ms", "ttfb_ms",
                "ttfe_ms", "ttft_ms", "ttfa_ms", "e2e_ms", "response_e2e_ms", "tpot_ms", "finish_reason", "itl_max_ms",
                "stamp_overhead_max_ms", "display_delay_max_ms", "kept_chars", "schedule_lag_ms",
                "output_tokens_requested", "reasoning_tokens", "usage_input_tokens", "cached_tokens", "prefix_group",
                "session", "turn")) {
            assertEquals("", read.get(empty), empty);
        }
        assertEquals("warmup", read.get("phase"));
        assertEquals("connect", read.get("error_class"));
        assertEquals("none", read.get("token_source"));
    }
}
