package io.streambench.cli;

import static io.streambench.cli.Cli.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.cli.Cli.Outcome;
import io.streambench.report.compare.Fixtures;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CompareCommandTest {

    @TempDir
    Path dir;



    @Test
    void shouldPrintEveryMetricAndExitZeroWhenNoGateTrips() {
        Path a = Fixtures.run(dir, "a", 10, 1000, 0, 10, 20, 300);
        Path b = Fixtures.run(dir, "b", 10, 1000, 0, 10, 21, 330);

        Outcome o = execute("compare", a.toString(), b.toString(), "--fail-if", "errors>0",
                "--fail-if", "chunks_per_request<-1%");

        assertEquals(0, o.code(), o::toString);
        assertTrue(o.out().contains("stage 0 concurrency=4"), o::out);
        assertTrue(o.out().lines().anyMatch(l -> l.matches("\\|\\s*ttft\\.p99\\s*\\|\\s*ms\\s*\\|\\s*300\\s*\\|\\s*330\\s*"
                + "\\|\\s*\\+30\\s*\\|\\s*\\+10\\.0%\\s*\\|\\s*\\|")), o::out);
        assertTrue(o.out().contains("2 gate(s) on 2 figure(s): 0 tripped, 2 held, 0 skipped"), o::out);
        assertEquals("", o.err());
    }

    @Test
    void shouldExitOneAndNameTheMetricWhenAGateTrips() {
        Path a = Fixtures.jmh(dir, "a", "P.parse,parser=bytes-scan,1000.0,,ops/s,0.5");
        Path b = Fixtures.jmh(dir, "b", "P.parse,parser=bytes-scan,1000.0,,ops/s,48.5");

        Outcome o = execute("compare", "--baseline", a.toString(), "--current", b.toString(), "--fail-if", "B/op>+16B");

        assertEquals(1, o.code(), o::toString);
        assertTrue(o.err().contains("FAILED B/op [P.parse parser=bytes-scan]: 0.5 B/op -> 48.5 B/op (+48 B/op, "
                + "+9600.0%) past +16B, gate B/op>+16B"), o::err);
        assertTrue(o.out().contains("1 tripped") && o.out().contains("REGRESSION"), o::out);
    }

    @Test
    void shouldExitTwoWithOneLineOnBadInput() {
        Path a = Fixtures.run(dir, "a", 10, 1000, 0, 10, 20, 300);
        Path jmh = Fixtures.jmh(dir, "j", "P.parse,,1.0,,ops/s,");
        List<String[]> bad = List.of(
                new String[] {"compare", a.toString(), dir.resolve("missing").toString()},
                new String[] {"compare", a.toString(), a.toString(), "--fail-if", "ttft.p99>>1"},
                new String[] {"compare", a.toString(), a.toString(), "--fail-if", "ttft.p98>+1%"},
                new String[] {"compare", a.toString(), a.toString(), "--fail-if", "errors>+1ms"},
                new String[] {"compare", a.toString(), jmh.toString()},
                new String[] {"compare", a.toString()},
                new String[] {"compare", dir.toString(), jmh.toString()},
                // an unwritable output is a usage error, not a regression (exit 1 would fail CI as one)
                new String[] {"compare", a.toString(), a.toString(), "--fail-if", "errors>0", "--junit", dir.toString()},
                new String[] {"compare", a.toString(), a.toString(), "--csv", dir.resolve("no/such/x.csv").toString()});
        for (String[] args : bad) {
            Outcome o = execute(args);
            assertEquals(2, o.code(), () -> String.join(" ", args) + " -> " + o);
            assertEquals(1, o.err().strip().lines().count(), o::err);
            assertTrue(o.err().startsWith("streambench compare: "), o::err);
        }
    }

    @Test
    void shouldTakeRepeatedRunsAsCommaListsOrAFolderHoldingThem() throws Exception {
        Path base = dir.resolve("base");
        Fixtures.run(base, "r1", 10, 900, 0, 10, 20, 300);
        Fixtures.run(base, "r2", 10, 1000, 0, 10, 20, 300);
        Fixtures.run(base, "r3", 10, 1100, 0, 10, 20, 300);
        String current = Fixtures.run(dir, "c1", 10, 700, 0, 10, 20, 300) + ","
                + Fixtures.run(dir, "c2", 10, 750, 0, 10, 20, 300) + "," + Fixtures.run(dir, "c3", 10, 800, 0, 10, 20, 300);

        Outcome o = execute("compare", base.toString(), current, "--metric", "tokens_per_s", "--fail-if", "tokens/s<-10%");

        assertEquals(1, o.code(), o::toString);
        assertTrue(o.out().contains("(3 run folders: medians, intervals span them)"), o::out);
        assertTrue(o.out().contains("100 (90..110)"), o::out);
        assertTrue(o.out().contains("75 (70..80)"), o::out);
    }

    @Test
    void shouldWriteJunitXmlThatCiReportersRead() throws Exception {
        Path a = Fixtures.jmh(dir, "a", "P.parse,parser=x,1000.0,,ops/s,0.5", "P.parse,parser=y,10.0,,ops/s,100.0");
        Path b = Fixtures.jmh(dir, "b", "P.parse,parser=x,1000.0,,ops/s,48.5", "P.parse,parser=z,10.0,,ops/s,100.0");
        Path xml = dir.resolve("compare.xml");
        Path csv = dir.resolve("compare.csv");

        Outcome o = execute("compare", a.toString(), b.toString(), "--fail-if", "B/op>+16B", "--fail-if",
                "score<-50%", "--junit", xml.toString(), "--csv", csv.toString(), "--no-table");
        assertEquals(1, o.code(), o::toString);

        URL xsd = getClass().getResource("/io/streambench/report/compare/junit.xsd");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator()
                .validate(new StreamSource(xml.toFile()));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("6", root.getAttribute("tests"));
        assertEquals("3", root.getAttribute("failures"), "x rose, y vanished (twice)");
        assertEquals("2", root.getAttribute("skipped"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        assertEquals("B/op>+16B", ((Element) suites.item(0)).getAttribute("name"));
        NodeList cases = ((Element) suites.item(0)).getElementsByTagName("testcase");
        assertEquals(3, cases.getLength(), "one testcase per benchmark: x, y, z");
        Element first = (Element) cases.item(0);
        assertEquals("B/op>+16B [P.parse parser=x]", first.getAttribute("name"));
        assertEquals("streambench.compare.B/op", first.getAttribute("classname"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").startsWith("B/op [P.parse parser=x]: 0.5 B/op -> 48.5 B/op"),
                failure.getAttribute("message"));
        assertEquals(failure.getAttribute("message"), failure.getTextContent());
        Element vanished = (Element) cases.item(1);
        assertTrue(((Element) vanished.getElementsByTagName("failure").item(0)).getAttribute("message")
                .contains("missing from the current results"));
        assertEquals(1, ((Element) cases.item(2)).getElementsByTagName("skipped").getLength());

        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("scope,metric,unit,baseline,baseline_low,baseline_high,current,current_low,current_high,delta,"
                + "change_pct", rows.get(0));
        assertTrue(rows.contains("P.parse parser=x,B/op,B/op,0.5,0.5,0.5,48.5,48.5,48.5,48,9600"), rows::toString);
    }
}
