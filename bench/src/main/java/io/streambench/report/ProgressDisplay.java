package io.streambench.report;

import io.streambench.driver.Bounds;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The console's live progress: on a terminal one progress bar per stage (me.tongfei:progressbar) showing
 * requests done of {@code --requests}, or seconds of warmup plus {@code --duration}, with in flight, tokens/s
 * and errors beside it; elsewhere (CI logs, a file) one plain {@link Progress#line()} per tick.
 *
 * <pre>{@code
 * ProgressDisplay display = ProgressDisplay.create(System.out, config.bounds(), true);
 * display.accept(report.tick());   // from the once-a-second reporting thread only
 * display.close();                 // before the summary table
 * }</pre>
 *
 * Only the reporting thread calls {@link #accept}; the bar redraws from its own thread twice a second, so the
 * driver's event loops never wait for the console.
 */
public final class ProgressDisplay implements Consumer<Progress>, AutoCloseable {

    private static final int REDRAW_MILLIS = 500;

    private final PrintStream console;
    private final Bounds bounds;
    private final Mode mode;
    private ProgressBar bar;
    private int barStage = -1;
    private double stageStartSeconds;

    private enum Mode { OFF, LINES, BAR }

    private ProgressDisplay(PrintStream console, Bounds bounds, Mode mode) {
        this.console = console;
        this.bounds = bounds;
        this.mode = mode;
    }

    /**
     * @param enabled false for {@code --quiet}: nothing is shown
     */
    public static ProgressDisplay create(PrintStream console, Bounds bounds, boolean enabled) {
        Mode mode = !enabled ? Mode.OFF : isInteractiveTerminal() ? Mode.BAR : Mode.LINES;
        return new ProgressDisplay(console, bounds, mode);
    }

    /** Plain periodic lines whatever the console is (tests, logs). */
    public static ProgressDisplay lines(PrintStream console) {
        return new ProgressDisplay(console, null, Mode.LINES);
    }

    /** Whether a progress bar is drawn (else plain lines or nothing). */
    public boolean drawsBar() {
        return mode == Mode.BAR;
    }

    @Override
    public synchronized void accept(Progress p) {
        switch (mode) {
            case LINES -> {
                console.println(p.line());
                console.flush();
            }
            case BAR -> updateBar(p);
            default -> { }
        }
    }

    private void updateBar(Progress p) {
        if (p.stage() != barStage) {
            closeBar();
            barStage = p.stage();
            stageStartSeconds = Math.max(0, p.elapsedSeconds() - 1);
            bar = newBar(p);
        }
        if (byRequests()) {
            bar.stepTo(Math.min(p.stageDone(), bar.getMax()));
        } else {
            bar.stepTo(Math.min(Math.round(p.elapsedSeconds() - stageStartSeconds), bar.getMax()));
        }
        String done = byRequests() ? "" : "done " + p.stageDone() + ", ";
        bar.setExtraMessage(String.format(Locale.ROOT, "%sin flight %d, %.0f tok/s, errors %d", done, p.inFlight(),
                p.tokensPerSecond(), p.stageErrors()));
    }

    private boolean byRequests() {
        return bounds.duration() == null;
    }

    private ProgressBar newBar(Progress p) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("stage " + p.stage())
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REDRAW_MILLIS)
                .setConsumer(new ConsoleProgressBarConsumer(console))
                .startsFrom(0, Duration.ofMillis(Math.round((p.elapsedSeconds() - stageStartSeconds) * 1000)))
                .hideEta();
        if (byRequests()) {
            builder.setInitialMax(bounds.requests()).setUnit(" req", 1);
        } else {
            long seconds = bounds.duration().plus(bounds.warmup()).toSeconds();
            builder.setInitialMax(Math.max(1, seconds)).setUnit(" s", 1);
        }
        return builder.build();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();  // draws the last state and ends the line
            bar = null;
        }
    }

    /** Ends the bar's line, so that what is printed next (the summary table) starts on a clean line. */
    @Override
    public synchronized void close() {
        closeBar();
        console.flush();
    }

    /**
     * A console whose stdout is a terminal: {@code System.console()} exists (JDK 17-21: only when stdin and stdout
     * are terminals) and, from JDK 22, {@code Console.isTerminal()} says so; {@code TERM=dumb} and {@code CI} count
     * as not a terminal.
     */
    static boolean isInteractiveTerminal() {
        Console c = System.console();
        if (c == null || "dumb".equals(System.getenv("TERM")) || System.getenv("CI") != null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (NoSuchMethodException e) {
            return true;   // JDK < 22: a non-null console is a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
