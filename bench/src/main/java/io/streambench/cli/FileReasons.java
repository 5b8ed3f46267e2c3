package io.streambench.cli;

import io.streambench.mock.UsageException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks the files a command is given before it starts, and says in a few words why one cannot be used:
 * {@code --prompts /x.jsonl: not found}, {@code --out reports: permission denied}. The JDK's own messages
 * repeat the path or say nothing (a {@code NoSuchFileException}'s message is only the path).
 */
final class FileReasons {

    private FileReasons() {
    }

    /** Why {@code e} happened, without the path: {@code not found}, {@code permission denied}... */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "not found";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "exists and is not a folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT); // "Read-only file system", "Not a directory"
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Throws UsageException {@code "<option> <path>: <reason>"} unless {@code file} is a readable file. */
    static void requireReadableFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + ": is a folder, not a file");
        }
        if (!Files.exists(file)) {
            throw new UsageException(option + " " + file + ": not found");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException(option + " " + file + ": permission denied");
        }
    }

    /**
     * Creates {@code folder} if needed and proves it writable by creating and deleting a file in it (the
     * permission bits say nothing on a read-only file system or to root); throws UsageException
     * {@code "<option> <folder>: <reason>"} otherwise.
     */
    static void requireWritableFolder(String option, Path folder) {
        try {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new UsageException(option + " " + folder + ": exists and is not a folder");
            }
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".streambench-", ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UsageException(option + " " + folder + ": " + reason(e));
        }
    }
}
