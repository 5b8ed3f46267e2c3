package io.streambench.report;

import io.streambench.report.folder.RunJson;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The machine and build a run ran on, for {@code run.json}. */
final class Environment {

    private Environment() {
    }

    static RunJson.Environment describe(String transport) {
        return new RunJson.Environment(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576, transport,
                gitCommit());
    }

    /** {@code git rev-parse HEAD} in the working directory, or null when that fails within 2 s. */
    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return null;
                }
                String out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
                return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
