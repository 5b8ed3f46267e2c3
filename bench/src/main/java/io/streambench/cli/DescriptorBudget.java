package io.streambench.cli;

import com.sun.management.UnixOperatingSystemMXBean;
import io.streambench.mock.UsageException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * Refuses, before anything starts, a load that needs more file descriptors than this process may still
 * open: past the limit every new connection fails with "too many open files" and the run measures that.
 * Each stream holds one client socket (idle pooled connections never outnumber the streams); with the
 * embedded mock the server's end of the connection is a second descriptor in the same process.
 */
final class DescriptorBudget {

    /**
     * Kept for what is not a stream: the report's files (a dozen hlogs and CSVs), the jars, and each
     * event loop's epoll, eventfd and timerfd (client and embedded mock, one loop per core by default).
     */
    static long reserve() {
        return 64 + 8L * Runtime.getRuntime().availableProcessors();
    }

    private DescriptorBudget() {
    }

    /**
     * Throws UsageException with one line when {@code streams} streams need more descriptors than
     * are left. Does nothing where the JVM does not report descriptors (not a Unix).
     *
     * @param option   the option that sets the number of streams, named in the message
     * @param streams  the most streams in flight at once
     * @param embedded the embedded mock runs in this process (two descriptors per stream)
     */
    static void check(String option, long streams, boolean embedded) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof UnixOperatingSystemMXBean unix)) {
            return;
        }
        check(option, streams, embedded, unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
    }

    /** {@link #check(String, long, boolean)} with the limit and the count of open descriptors given. */
    static void check(String option, long streams, boolean embedded, long limit, long open) {
        int perStream = embedded ? 2 : 1;
        long needed = streams * perStream;
        long left = limit - open - reserve();
        if (needed <= left) {
            return;
        }
        throw new UsageException(String.format(Locale.ROOT, "%s %d needs %,d file descriptors (%s), but "
                + "this process can open %,d more (limit %,d, %,d open, %,d kept for files and event loops): lower "
                + "%s or raise the limit with 'ulimit -n' before starting java (the JVM already raises its limit "
                + "to the hard limit, 'ulimit -Hn')", option, streams, needed,
                embedded ? "2 per stream: with the embedded mock both ends of a connection are in this process"
                        : "1 per stream", Math.max(0, left), limit, open, reserve(), option));
    }
}
