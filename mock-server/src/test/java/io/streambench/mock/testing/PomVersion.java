package io.streambench.mock.testing;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/** The version written in a module's pom.xml, read the way Maven reads it, for tests of what the build stamps. */
public final class PomVersion {

    private PomVersion() {
    }

    /** The version of the module whose tests run (Surefire runs them in the module's folder). */
    public static String ofThisModule() {
        return of(Path.of("pom.xml"));
    }

    /** {@code project/version} of {@code pom}, else the parent's version it inherits. */
    public static String of(Path pom) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
            XPath xpath = XPathFactory.newInstance().newXPath();
            String own = xpath.evaluate("/project/version", doc).strip();
            String version = own.isEmpty() ? xpath.evaluate("/project/parent/version", doc).strip() : own;
            if (version.isEmpty()) {
                throw new IllegalStateException(pom.toAbsolutePath() + " has no version");
            }
            return version;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the version of " + pom.toAbsolutePath() + ": " + e, e);
        }
    }
}
