package io.streambench.mock.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One process's clocks read together, served on the mock's {@code /clock} route: its {@code System.nanoTime()},
 * its wall clock and the kernel's boot id. Two processes share one {@code nanoTime} clock only on one host: on
 * Linux HotSpot's {@code nanoTime} is {@code CLOCK_MONOTONIC}, counted from the kernel's boot, so the same boot id
 * and readings that agree within a round trip say it is one clock.
 *
 * @param nanoTime {@code System.nanoTime()}
 * @param epochMicros the wall clock, microseconds since the epoch
 * @param bootId the kernel's boot id ({@code /proc/sys/kernel/random/boot_id}), or null where there is none
 * @param host the host name, for messages
 * @param os {@code os.name}
 * @param vm {@code java.vm.name} and version
 */
public record ClockReading(long nanoTime, long epochMicros, String bootId, String host, String os, String vm) {

    private static final String BOOT_ID = readBootId();
    private static final String HOST = hostName();

    /** This process's clocks, now. */
    public static ClockReading now() {
        long nanos = System.nanoTime();
        Instant wall = Instant.now();
        return new ClockReading(nanos, wall.getEpochSecond() * 1_000_000 + wall.getNano() / 1_000, BOOT_ID, HOST,
                System.getProperty("os.name"), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version"));
    }

    private static String readBootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id"), StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }
}
