package io.streambench.mock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build of streambench, as the Maven build wrote it ({@code project.version}, filtered into
 * a resource): the one place both command lines and the driver's User-Agent take it from.
 */
public final class Version {

    private static final String RESOURCE = "streambench-version.properties";
    private static final String VERSION = load();

    private Version() {
    }

    /** For example {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            // An unfiltered resource (an IDE copying it as it is) still holds the placeholder.
            if (v.isBlank() || v.contains("${")) {
                throw new IllegalStateException("resource " + RESOURCE + " was not filtered by the build: " + v);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
