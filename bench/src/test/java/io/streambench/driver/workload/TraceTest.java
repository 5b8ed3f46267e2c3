package io.streambench.driver.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceTest {

    private static final int BLOCK = 16;

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String mooncake(long ms, int input, int output, String ids) {
        return "{\"timestamp\": " + ms + ", \"input_length\": " + input + ", \"output_length\": " + output
                + (ids == null ? "" : ", \"hash_ids\": [" + ids + "]") + "}\n";
    }

    private TraceSource source(String encoding, String lines, TraceSlice slice, long seed) throws IOException {
        Trace trace = TraceFormat.MOONCAKE.read(file("m.jsonl", lines));
        return new TraceSource(trace, slice, Corpus.bundled(Tokenizers.named(encoding)), BLOCK, false, seed);
    }

    private static int[] tokens(TraceSource source, long index, Tokenizer tokenizer) {
        return tokenizer.encode(source.plan(index).messages().get(0).content());
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldShareTheExactTextOfSharedHashIdsAndNothingElse(String encoding) throws IOException {
        Tokenizer tokenizer = Tokenizers.named(encoding);
        TraceSource source = source(encoding, mooncake(0, 48, 5, "5, 6, 7") + mooncake(10, 48, 5, "5, 6, 8")
                + mooncake(20, 48, 5, "9, 6, 7") + mooncake(30, 40, 5, "5, 6, 7"), TraceSlice.ALL, 3);
        int[] a = tokens(source, 0, tokenizer);
        int[] b = tokens(source, 1, tokenizer);
        int[] c = tokens(source, 2, tokenizer);
        int[] partial = tokens(source, 3, tokenizer);
        assertEquals(48, a.length);
        assertEquals(40, partial.length);
        // Blocks never merge at their joins, so block k is tokens [16k, 16k+16) of every prompt.
        assertArrayEquals(block(a, 0), block(b, 0), "id 5");
        assertArrayEquals(block(a, 1), block(b, 1), "id 6");
        assertFalse(Arrays.equals(block(a, 2), block(b, 2)), "ids 7 and 8");
        assertFalse(Arrays.equals(block(a, 0), block(c, 0)), "ids 5 and 9");
        assertArrayEquals(block(a, 1), block(c, 1), "id 6 at the same place after another block");
        assertArrayEquals(block(a, 2), block(c, 2), "id 7");
        String full = source.plan(0).messages().get(0).content();
        String cut = source.plan(3).messages().get(0).content();
        assertTrue(full.startsWith(cut), "a partly used last block is its block's leading text");
    }

    private static int[] block(int[] tokens, int k) {
        return Arrays.copyOfRange(tokens, k * BLOCK, (k + 1) * BLOCK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldGiveDistinctHashIdsDistinctBlocksAndExactLengths(String encoding) throws IOException {
        Tokenizer tokenizer = Tokenizers.named(encoding);
        StringBuilder lines = new StringBuilder();
        for (int id = 0; id < 1500; id++) {
            // ids past the corpus's ~28,000 word starts too, and lengths that end inside a block or past the ids
            long big = id * 977L;
            int input = id % 3 == 0 ? 3 * BLOCK : id % 3 == 1 ? 2 * BLOCK + 1 + id % 15 : 5 * BLOCK + id % 40;
            lines.append(mooncake(id, input, 1, id + ", " + (100_000 + big) + ", " + (1_000_000 + id)));
        }
        TraceSource source = source(encoding, lines.toString(), TraceSlice.ALL, 9);
        Set<String> firstBlocks = new HashSet<>();
        for (long i = 0; i < 1500; i++) {
            String prompt = source.plan(i).messages().get(0).content();
            int[] ids = tokenizer.encode(prompt);
            assertEquals(source.records().get((int) i).inputTokens(), ids.length, "request " + i);
            assertTrue(firstBlocks.add(Arrays.toString(block(ids, 0))), "id " + i + " repeats a block");
        }
    }

    @Test
    void shouldRefuseMoreHashIdsThanTheInputFills() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> source("o200k_base", mooncake(0, 20, 1, "1, 2, 3"), TraceSlice.ALL, 1));
        assertEquals(dir.resolve("m.jsonl") + ":1: 3 hash_ids, but input_length 20 fills only 2 blocks of 16 tokens", e.getMessage());
    }

    @Test
    void shouldReadMooncakesOwnLines() throws IOException {
        // Two lines as published in kvcache-ai/Mooncake FAST25-release/traces/conversation_trace.jsonl.
        Path file = file("conversation_trace.jsonl",
                "{\"timestamp\": 0, \"input_length\": 6758, \"output_length\": 500, \"hash_ids\": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]}\n"
                + "{\"timestamp\": 3000, \"input_length\": 915, \"output_length\": 355, \"hash_ids\": [0, 462]}\n");
        Trace trace = TraceFormat.detect(file).read(file);
        assertEquals(TraceFormat.MOONCAKE, trace.format());
        assertEquals(3_000_000_000L, trace.records().get(1).timestampNanos());
        assertEquals(List.of(0L, 462L), trace.records().get(1).hashIds());
        TraceSource source = new TraceSource(trace, TraceSlice.ALL, Corpus.bundled(Tokenizers.named("o200k_base")), 512, true, 1);
        PlannedRequest second = source.plan(1);
        assertEquals(915, Tokenizers.named("o200k_base").count(second.messages().get(0).content()));
        assertEquals(3_000_000_000L, second.sendOffset().getAsLong());
        assertTrue(second.tokens().ignoreEos());
        assertTrue(source.plan(0).messages().get(0).content().startsWith(
                source.plan(1).messages().get(0).content().substring(0, 1000)), "hash id 0 opens both");
    }

    @Test
    void shouldTakeASliceAndScaleItsTimes() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            lines.append(mooncake(1000L * i + 500, 10, 1, null));
        }
        TraceSource tenTimes = source("o200k_base", lines.toString(), new TraceSlice(3, 4, 10), 1);
        assertEquals(4, tenTimes.size().getAsLong());
        assertEquals(3_500_000_000L, tenTimes.records().get(0).timestampNanos(), "from 3 s after the first record");
        assertEquals(0, tenTimes.plan(0).sendOffset().getAsLong(), "the slice starts at once");
        assertEquals(300_000_000L, tenTimes.plan(3).sendOffset().getAsLong(), "3 s of trace at 10x");
        assertThrows(IndexOutOfBoundsException.class, () -> tenTimes.plan(4));
        TraceSource halfSpeed = source("o200k_base", lines.toString(), new TraceSlice(0, 0, 0.5), 1);
        assertEquals(10, halfSpeed.size().getAsLong());
        assertEquals(18_000_000_000L, halfSpeed.plan(9).sendOffset().getAsLong(), "9 s of trace at half speed");
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> source("o200k_base", lines.toString(), new TraceSlice(60, 0, 1), 1));
        assertTrue(empty.getMessage().endsWith("no requests from 60.0 s on (the trace spans 9.0 s)"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TraceSlice(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TraceSlice(-1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TraceSlice(0, -1, 1));
    }

    @Test
    void shouldReadBurstGptWithItsHeaderAndSkipFailedRequests() throws IOException {
        Path file = file("BurstGPT_1.csv", """
                Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type
                5,ChatGPT,472,18,490,Conversation log
                45,ChatGPT,1087,0,1087,Conversation log
                118.5,GPT-4,417,276,693,API log
                """);
        Trace trace = TraceFormat.detect(file).read(file);
        assertEquals(TraceFormat.BURSTGPT, trace.format());
        assertEquals(2, trace.records().size());
        assertEquals(Map.of("Response tokens 0", 1), trace.skipped());
        TraceRecord last = trace.records().get(1);
        assertEquals(118_500_000_000L, last.timestampNanos());
        assertEquals(417, last.inputTokens());
        assertEquals(276, last.outputTokens());
        assertEquals(file + ":4", last.origin());
        TraceSource source = new TraceSource(trace, new TraceSlice(0, 0, 100), Corpus.bundled(Tokenizers.named("o200k_base")), 512, false, 1);
        assertEquals(1_135_000_000L, source.plan(1).sendOffset().getAsLong(), "113.5 s at 100x");
        assertEquals(417, Tokenizers.named("o200k_base").count(source.plan(1).messages().get(0).content()));
    }

    @Test
    void shouldReadThePlainCsvAndJsonl() throws IOException {
        Path csv = file("t.csv", "timestamp_ms,input_tokens,output_tokens\n0,100,10\n250,200,20\n");
        Trace fromCsv = TraceFormat.detect(csv).read(csv);
        assertEquals(TraceFormat.CSV, fromCsv.format());
        assertEquals(250_000_000L, fromCsv.records().get(1).timestampNanos());
        Path seconds = file("s.csv", "timestamp_s,input_tokens,output_tokens\n1.5,100,10\n");
        assertEquals(1_500_000_000L, TraceFormat.CSV.read(seconds).records().get(0).timestampNanos());
        Path jsonl = file("t.jsonl", "{\"timestamp_ms\": 0, \"input_tokens\": 5, \"output_tokens\": 6}\n"
                + "{\"timestamp_ms\": 40, \"input_tokens\": 7, \"output_tokens\": 8}\n");
        Trace fromJsonl = TraceFormat.detect(jsonl).read(jsonl);
        assertEquals(TraceFormat.JSONL, fromJsonl.format());
        assertEquals(7, fromJsonl.records().get(1).inputTokens());
        assertEquals(8, fromJsonl.records().get(1).outputTokens());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "m.jsonl| {\"timestamp\": 5, \"input_length\": 3, \"output_length\": 1}\\n{\"timestamp\": 4, \"input_length\": 3, \"output_length\": 1}"
                + "| m.jsonl:2: timestamps must not decrease",
        "m.jsonl| {\"timestamp\": 5, \"input_length\": 3}| m.jsonl:1: needs a whole number \"output_length\"",
        "m.jsonl| {\"timestamp\": 5, \"input_length\": 3.5, \"output_length\": 1}| m.jsonl:1: needs a whole number \"input_length\", got 3.5",
        "m.jsonl| {\"timestamp\": 5, \"input_length\": 3, \"output_length\": 1, \"hash_ids\": [1, -2]}| m.jsonl:1: hash_ids must be whole numbers >= 0",
        "m.jsonl| {\"timestamp\": 5, \"input_length\": -3, \"output_length\": 1}| m.jsonl:1: input_length must be between 0 and",
        "m.jsonl| {\"timestamp\": 5, \"input_length\": 3, \"output_length\": 1}\\n{oops| m.jsonl:2: not JSON",
        "b.csv| Timestamp,Model,Request tokens\\n1,ChatGPT,5| b.csv: no column 'Response tokens' in the header",
        "b.csv| Timestamp,Model,Request tokens,Response tokens\\n1,ChatGPT,five,5| b.csv:2: Request tokens must be a whole number, got 'five'",
        "b.csv| Timestamp,Model,Request tokens,Response tokens\\n1,ChatGPT,5| b.csv:2: has 3 fields, the header 4",
        "x.txt| hello| x.txt: cannot tell the trace format from its first line 'hello'",
    })
    void shouldNameFileLineAndReasonForAMalformedTrace(String name, String content, String message) throws IOException {
        Path file = file(name, content.replace("\\n", "\n") + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceFormat.detect(file).read(file));
        assertTrue(e.getMessage().startsWith(dir.resolve(message.substring(0, message.indexOf(':')))
                + message.substring(message.indexOf(':'))), e.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownFormatName() {
        assertEquals("unknown trace format 'azure' (known: mooncake, burstgpt, csv, jsonl)",
                assertThrows(IllegalArgumentException.class, () -> TraceFormat.named("azure")).getMessage());
        assertEquals(TraceFormat.BURSTGPT, TraceFormat.named("BurstGPT"));
    }
}
