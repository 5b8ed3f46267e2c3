package io.streambench.cli;

import io.streambench.report.Progress;
import io.streambench.report.ProgressDisplay;
import io.streambench.report.RunReport;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a second while the load runs: the run report's tick (a timeline row, the hlogs' intervals) and the progress
 * shown from it, on a daemon thread of its own. A failed tick prints one line; the next one tries again.
 */
final class ReportTicker {

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "streambench-report");
        t.setDaemon(true);
        return t;
    });
    private final ProgressDisplay show;

    /** Starts ticking; the first tick comes a second from now. */
    ReportTicker(RunReport report, ProgressDisplay show, PrintStream console) {
        this.show = show;
        ticker.scheduleAtFixedRate(() -> {
            try {
                Progress p = report.tick();
                if (p != null) {
                    show.accept(p);
                }
            } catch (RuntimeException e) {
                console.println("run: report tick failed: " + e.getMessage());
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Stops ticking (waiting up to 5 s for a tick under way) and closes the progress display. */
    void stop() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        show.close();
    }
}
