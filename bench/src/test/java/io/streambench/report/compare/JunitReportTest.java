package io.streambench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReportTest {

    @Test
    void shouldWriteWellFormedXmlWhateverCharactersTheNamesHold(@TempDir Path dir) throws Exception {
        // A JMH @Param value may hold anything; XML 1.0 cannot carry control characters even escaped.
        String scope = "P.parse parser=a\u0001b\u001f&<>\"'\uD800 é";
        Check check = new Check("score<-10%", "score", scope, Check.Status.FAILED, "score [" + scope + "]: dropped");
        Path file = dir.resolve("junit.xml");

        JunitReport.write(file, List.of(check));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
        String name = testcase.getAttribute("name");
        assertEquals("score<-10% [P.parse parser=a\uFFFDb\uFFFD&<>\"'\uFFFD é]", name);
        assertEquals(1, doc.getElementsByTagName("failure").getLength());
    }
}
