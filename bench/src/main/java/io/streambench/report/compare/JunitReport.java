package io.streambench.report.compare;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the gates' checks as JUnit XML, the format CI systems (Jenkins, GitLab, GitHub test reporters)
 * show as test results: one {@code <testsuite>} per gate, one {@code <testcase>} per scope it checked
 * (stage, benchmark with parameters, or ratio), a {@code <failure>} carrying the message when it tripped,
 * {@code <skipped>} when there was nothing to compare.
 *
 * <pre>{@code
 * JunitReport.write(Path.of("compare-junit.xml"), checks);
 * }</pre>
 */
public final class JunitReport {

    /** The name of the outer {@code <testsuites>} element and the prefix of every test class name. */
    public static final String NAME = "streambench.compare";

    private JunitReport() {
    }

    public static void write(Path file, List<Check> checks) {
        Map<String, List<Check>> byGate = new LinkedHashMap<>();
        for (Check c : checks) {
            byGate.computeIfAbsent(c.gate(), g -> new java.util.ArrayList<>()).add(c);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", NAME);
            counts(xml, checks);
            xml.writeCharacters("\n");
            for (Map.Entry<String, List<Check>> gate : byGate.entrySet()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", safe(gate.getKey()));
                counts(xml, gate.getValue());
                xml.writeCharacters("\n");
                for (Check c : gate.getValue()) {
                    testcase(xml, c);
                }
                xml.writeCharacters("  ");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), new IOException(e));
        }
    }

    private static void testcase(XMLStreamWriter xml, Check c) throws XMLStreamException {
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", safe(NAME + "." + c.metric()));
        xml.writeAttribute("name", safe(c.gate() + " [" + c.scope() + "]"));
        xml.writeAttribute("time", "0");
        switch (c.status()) {
            case FAILED -> {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", safe(c.message()));
                xml.writeAttribute("type", "regression");
                xml.writeCharacters(safe(c.message()));
                xml.writeEndElement();
                xml.writeCharacters("\n    ");
            }
            case SKIPPED -> {
                xml.writeCharacters("\n      ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", safe(c.message()));
                xml.writeCharacters("\n    ");
            }
            case PASSED -> {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("system-out");
                xml.writeCharacters(safe(c.message()));
                xml.writeEndElement();
                xml.writeCharacters("\n    ");
            }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void counts(XMLStreamWriter xml, List<Check> checks) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(checks.size()));
        xml.writeAttribute("failures", Long.toString(count(checks, Check.Status.FAILED)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(count(checks, Check.Status.SKIPPED)));
        xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", 0.0));
    }

    /** XML 1.0 cannot hold control characters or lone surrogates, not even escaped: each becomes U+FFFD. */
    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000;
            out.appendCodePoint(ok ? c : 0xFFFD);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static long count(List<Check> checks, Check.Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }
}
