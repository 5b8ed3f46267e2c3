package io.streambench.mock.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.streambench.mock.stats.StatsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerStatsTest {

    /** Every thread writes its own counters; the snapshot must add all of them, and a reset only the lateness. */
    @Test
    void figuresFromManyThreadsAddUp() throws Exception {
        ServerStats stats = new ServerStats();
        int threads = 4;
        int perThread = 50_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                ServerStats.Writer writer = stats.writer();
                for (int i = 0; i < perThread; i++) {
                    writer.sent(2, 100);
                    writer.recordLatenessNanos(TimeUnit.MICROSECONDS.toNanos(id + 1));
                }
            });
            w.start();
            workers.add(w);
        }
        // A snapshot while they write must not lose anything recorded after it.
        go.countDown();
        StatsSnapshot.Lateness before = stats.snapshot(true).paceLatenessUs();
        long seenBefore = before.count();
        for (Thread w : workers) {
            w.join(30_000);
        }
        StatsSnapshot s = stats.snapshot(false);
        assertEquals(2L * threads * perThread, s.eventsSent());
        assertEquals(100L * threads * perThread, s.bytesSent());
        assertEquals((long) threads * perThread, seenBefore + s.paceLatenessUs().count());
        // The fourth thread's 4 µs are in one window or the other: a warm JIT lets a thread finish before the
        // reset (as it did once the server model's tests ran first in the same JVM).
        assertEquals(4.0, Math.max(before.max(), s.paceLatenessUs().max()), 0.01);

        StatsSnapshot afterReset = stats.snapshot(true);
        assertEquals(s.paceLatenessUs().count(), afterReset.paceLatenessUs().count());
        StatsSnapshot empty = stats.snapshot(false);
        assertEquals(0, empty.paceLatenessUs().count());
        assertEquals(2L * threads * perThread, empty.eventsSent(), "counters keep counting across resets");
        assertEquals((long) threads * perThread,
                stats.latenessBuckets(new double[] {1e-3}).counts()[0], "all-time buckets keep every sample");
    }

    @Test
    void aThreadKeepsOneWriter() {
        ServerStats stats = new ServerStats();
        assertSame(stats.writer(), stats.writer());
        stats.sent(3, 30);
        stats.recordLatenessNanos(-5);
        StatsSnapshot s = stats.snapshot(false);
        assertEquals(3, s.eventsSent());
        assertEquals(30, s.bytesSent());
        assertEquals(0.0, s.paceLatenessUs().max(), "negative lateness counts as 0");
    }
}
