package io.streambench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.internal.stream.StreamSession;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pacing, flushing, faults, stats and the server model never see which API a stream speaks nor how it is
 * framed: no class of theirs refers to a class of {@code wire} or {@code http}. Read from the compiled
 * classes, whose constant pools name every class they use.
 */
class FormatNeutralityTest {

    @Test
    void shouldKeepPacingFaultsAndStatsFreeOfWireFormatsAndHttp() throws IOException, URISyntaxException {
        Path classes = Path.of(StreamSession.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        int read = 0;
        for (String pkg : List.of("internal/stream", "internal/fault", "fault", "internal/stats", "stats",
                "internal/model")) {
            try (Stream<Path> files = Files.list(classes.resolve("io/streambench/mock/" + pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String constants = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    read++;
                    if (constants.contains("io/streambench/mock/internal/wire/")
                            || constants.contains("io/streambench/mock/internal/http/")) {
                        offenders.add(pkg + "/" + f.getFileName());
                    }
                }
            }
        }
        assertTrue(read >= 28, "read " + read + " classes from " + classes);
        assertEquals(List.of(), offenders);
    }
}
