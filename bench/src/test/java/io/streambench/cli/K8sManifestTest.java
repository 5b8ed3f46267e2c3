package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Kubernetes example in docs/k8s/ cannot run here (no cluster, no Docker); this checks what can be
 * checked: the manifests parse, the Job is Indexed, and the driver and mock arguments are options this
 * CLI accepts.
 */
class K8sManifestTest {

    private static final Path K8S = Path.of("..", "docs", "k8s");

    private static List<JsonNode> documents(String file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> docs = new ArrayList<>();
        try (var it = yaml.readerFor(JsonNode.class).<JsonNode>readValues(K8S.resolve(file).toFile())) {
            it.forEachRemaining(docs::add);
        }
        return docs;
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private static List<String> args(JsonNode container, Map<String, String> env) {
        List<String> args = new ArrayList<>();
        for (JsonNode a : container.path("args")) {
            String value = a.asText();
            for (Map.Entry<String, String> e : env.entrySet()) {
                value = value.replace("$(" + e.getKey() + ")", e.getValue());
            }
            args.add(value);
        }
        return args;
    }

    private static void assertParses(List<String> args) {
        CommandLine cmd = Main.configure(new CommandLine(new Main()));
        cmd.parseArgs(args.toArray(String[]::new));
    }

    @Test
    void shouldDescribeAnIndexedJobOfDriversThatStartTogether() throws IOException {
        List<JsonNode> docs = documents("streambench-indexed-job.yaml");
        JsonNode job = kind(docs, "Job");
        JsonNode spec = job.path("spec");
        JsonNode driver = spec.at("/template/spec/containers/0");

        assertEquals("batch/v1", job.path("apiVersion").asText());
        assertEquals("Indexed", spec.path("completionMode").asText());
        assertEquals(spec.path("completions").asInt(), spec.path("parallelism").asInt());
        assertTrue(spec.path("completions").asInt() > 1);
        assertEquals("Never", spec.at("/template/spec/restartPolicy").asText());
        assertEquals("streambench-results", spec.at("/template/spec/volumes/0/persistentVolumeClaim/claimName").asText());
        assertEquals("streambench-results", kind(docs, "PersistentVolumeClaim").at("/metadata/name").asText());
        assertEquals("metadata.annotations['batch.kubernetes.io/job-completion-index']",
                driver.at("/env/2/valueFrom/fieldRef/fieldPath").asText());
        List<String> args = args(driver, Map.of("START_AT", Instant.now().plusSeconds(60).toString(), "RUN_ID", "r1",
                "DRIVER_INDEX", "0"));
        assertTrue(args.contains("--start-at"), args.toString());
        assertParses(args);

        JsonNode mock = kind(docs, "Deployment").at("/spec/template/spec/containers/0");
        assertParses(args(mock, Map.of()));
        assertTrue(args.get(args.indexOf("--url") + 1).startsWith("http://" + kind(docs, "Service")
                .at("/metadata/name").asText() + ":8080/"), args.toString());
    }

    @Test
    void shouldMergeWithTheJarTheDockerfileInstalls() throws IOException {
        JsonNode merge = kind(documents("streambench-merge-job.yaml"), "Job");
        String script = merge.at("/spec/template/spec/containers/0/args/0").asText();
        String dockerfile = Files.readString(K8S.resolve("Dockerfile"));

        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre"), dockerfile);
        assertTrue(dockerfile.contains("COPY bench/target/streambench.jar /opt/streambench/streambench.jar"));
        assertTrue(script.startsWith("java -jar /opt/streambench/streambench.jar merge -o "), script);
        // the shade plugin's finalName is the jar the Dockerfile copies
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<finalName>streambench</finalName>"));
    }
}
