package io.streambench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Creates {@code <parent>/<yyyyMMdd-HHmmss>-<name>/} (with {@code -2}, {@code -3}... if taken). */
public final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunDirectory() {
    }

    /** Creates and returns a new, empty run folder. */
    public static Path create(Path parent, String name) {
        String base = STAMP.format(LocalDateTime.now()) + "-" + name;
        try {
            Files.createDirectories(parent);
            for (int i = 1; ; i++) {
                Path dir = parent.resolve(i == 1 ? base : base + "-" + i);
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException e) {
                    // taken (two runs in one second): try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + parent + ": " + e.getMessage(), e);
        }
    }
}
