package io.streambench.driver.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MooncakeExampleTraceTest {

    /** The committed example, found from the bench module's directory (where Maven runs the tests). */
    static Path exampleTrace() {
        return Path.of(System.getProperty("basedir", "bench")).toAbsolutePath().getParent().resolve(MooncakeExampleTrace.PATH);
    }

    @Test
    void shouldMatchItsGeneratorByteForByte() throws IOException {
        assertEquals(MooncakeExampleTrace.generate(), Files.readString(exampleTrace(), StandardCharsets.UTF_8),
                "regenerate the example trace with MooncakeExampleTrace.main");
    }

    @Test
    void shouldReplayEveryRequestWithItsExactLengthAtTenTimesSpeed() {
        Trace trace = TraceFormat.detect(exampleTrace()).read(exampleTrace());
        assertEquals(TraceFormat.MOONCAKE, trace.format());
        assertEquals(1000, trace.records().size());
        Tokenizer tokenizer = Tokenizers.named("o200k_base");
        TraceSource source = new TraceSource(trace, new TraceSlice(0, 0, 10), Corpus.bundled(tokenizer), 512, true, 1);
        long previous = 0;
        for (long i = 0; i < 1000; i++) {
            PlannedRequest request = source.plan(i);
            TraceRecord record = trace.records().get((int) i);
            assertEquals(record.inputTokens(), tokenizer.count(request.messages().get(0).content()), record.origin());
            assertEquals(record.outputTokens(), request.tokens().outputTokens());
            long offset = request.sendOffset().orElseThrow();
            assertTrue(offset >= previous, "offsets never go back");
            assertEquals((record.timestampNanos() - trace.records().get(0).timestampNanos()) / 10.0, offset, 1.0);
            previous = offset;
        }
        assertTrue(previous > 9_000_000_000L && previous < 11_000_000_000L, "about 100 s at 10x: " + previous);
    }
}
