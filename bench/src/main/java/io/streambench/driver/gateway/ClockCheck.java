package io.streambench.driver.gateway;

import io.streambench.mock.UsageException;
import io.streambench.mock.record.ClockReading;
import io.streambench.mock.record.RecordsJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

/**
 * Decides how a standalone mock's times join the driver's. On one Linux host both {@code System.nanoTime()} are
 * the kernel's {@code CLOCK_MONOTONIC}: the mock's {@code /clock} then names this host's boot id, and its reading
 * falls within the round trip of a request to it (the best of a few). Anything else is another clock, and the
 * join is refused unless the user accepts a join on the two wall clocks, whose error is their difference: measured
 * here and stated with every figure.
 */
final class ClockCheck {

    private static final int PROBES = 7;
    /** What a reading may lie outside the round trip on one clock: the two reads of the clock themselves. */
    private static final long SLACK_NANOS = 100_000;

    private ClockCheck() {
    }

    /**
     * @param admin the mock's {@code http://host:port}
     * @param acceptWall join on the wall clocks when the clocks differ ({@code --gateway-clock wall})
     * @throws IllegalArgumentException with one line when the clocks differ and the wall-clock join is not accepted
     */
    static MockClock check(URI admin, boolean acceptWall) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI clock = admin.resolve("/clock");
        long bestRtt = Long.MAX_VALUE;
        long bestStart = 0;
        long bestWallStartMicros = 0;
        ClockReading best = null;
        for (int i = 0; i < PROBES; i++) {
            ClockReading here = ClockReading.now();
            long start = System.nanoTime();
            ClockReading there;
            try {
                there = RecordsJson.readClock(MockRecords.get(client, clock));
            } catch (IllegalStateException e) {
                throw new UsageException("--mock-url: cannot read the mock's clock: " + e.getMessage()
                        + " (is it a streambench mock?)");
            }
            long rtt = System.nanoTime() - start;
            if (i > 0 && rtt < bestRtt) { // the first pays for the connection
                bestRtt = rtt;
                bestStart = start;
                bestWallStartMicros = here.epochMicros() + (start - here.nanoTime()) / 1000;
                best = there;
            }
        }
        ClockReading here = ClockReading.now();
        long offset = best.nanoTime() - (bestStart + bestRtt / 2);
        boolean sameBoot = here.bootId() != null && here.bootId().equals(best.bootId());
        if (sameBoot && Math.abs(offset) <= bestRtt / 2 + SLACK_NANOS) {
            return new MockClock("monotonic", 0, 0, "one clock: this host's CLOCK_MONOTONIC (the mock has this "
                    + "host's boot id, and its clock read within the " + ms(bestRtt) + " ms round trip of this one)");
        }
        long wallDiffMicros = best.epochMicros() - (bestWallStartMicros + bestRtt / 2000);
        long errorNanos = Math.abs(wallDiffMicros) * 1000 + bestRtt / 2;
        String why = sameBoot ? "same boot id, but its nanoTime is " + ms(offset) + " ms off"
                : "it runs on " + best.host() + " (boot id " + best.bootId() + "), this driver on " + here.host()
                + " (boot id " + here.bootId() + ")";
        if (!acceptWall) {
            throw new UsageException("--mock-url " + admin + ": the mock does not share this host's clock ("
                    + why + "); joining across hosts needs --gateway-clock wall, which joins on the two wall clocks: "
                    + "they differed by " + ms(wallDiffMicros * 1000) + " ms (+/- " + ms(bestRtt / 2) + " ms) just "
                    + "now, and every figure would carry that error");
        }
        // mock t -> mock wall (w_m + t - n_m) -> driver nanos (n_d + wall - w_d)
        long offsetNanos = bestStart - bestWallStartMicros * 1000 + best.epochMicros() * 1000 - best.nanoTime();
        return new MockClock("wall", offsetNanos, errorNanos, "wall-clock join across hosts (" + why + "): the "
                + "mock's wall clock read " + ms(wallDiffMicros * 1000) + " ms ahead of this one (+/- "
                + ms(bestRtt / 2) + " ms) at the check, so every joined time may be off by up to " + ms(errorNanos)
                + " ms");
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
