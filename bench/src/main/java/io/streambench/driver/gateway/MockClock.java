package io.streambench.driver.gateway;

/**
 * How the mock's {@code System.nanoTime()} maps onto the driver's: the same clock (embedded mock, or a standalone
 * mock on this host), or, across hosts and only when the user accepts it, the two wall clocks.
 *
 * @param kind {@code process}, {@code monotonic} (one host's {@code CLOCK_MONOTONIC}) or {@code wall}
 * @param offsetNanos added to a mock time to get a driver time (0 on one clock)
 * @param errorNanos how far a joined time may be off because of the mapping: 0 on one clock; for a wall-clock join
 *     the wall clocks' difference measured at the check plus half its round trip
 * @param description one line for the console and run.json
 */
record MockClock(String kind, long offsetNanos, long errorNanos, String description) {

    /** The embedded mock: the driver's own process. */
    static MockClock sameProcess() {
        return new MockClock("process", 0, 0, "one clock: the embedded mock runs in the driver's process");
    }

    long toDriver(long mockNanos) {
        return mockNanos + offsetNanos;
    }
}
