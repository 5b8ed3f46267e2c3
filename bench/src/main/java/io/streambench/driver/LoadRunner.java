package io.streambench.driver;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.concurrent.ScheduledFuture;
import io.streambench.mock.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a {@link RunConfig}'s stages one after another through an {@link HttpTransport} and tells a
 * {@link RunObserver} about every attempt. Closed loops keep N streams busy from event-loop callbacks;
 * open loops send from the calling thread on a seeded schedule. {@link #stop()} (Ctrl-C) cancels what is
 * in flight; {@link #run()} then returns normally with everything recorded so far. So does a run whose first
 * requests all fail alike ({@link FailFast}). After a failed request a closed-loop stream waits
 * ({@link RetryPolicy#pauseNanos}) before its next, so a failing server is never hammered.
 *
 * <pre>{@code
 * try (HttpTransport transport = new HttpTransport(config.target(), config.timeouts(), 0)) {
 *     RunOutcome outcome = new LoadRunner(config, transport, observer, System.nanoTime()).run();
 * }
 * }</pre>
 */
public final class LoadRunner {

    /** After a stage's end time, in-flight requests get this long on top of the total timeout. */
    private static final long DRAIN_SLACK_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** The User-Agent of every request: {@code streambench/} and the build's version. */
    static final String USER_AGENT = "streambench/" + Version.current();

    private final RunConfig config;
    private final HttpTransport transport;
    private final RunObserver observer;
    private final Exchange.Shared shared;
    private final long runStartNanos;
    private final AtomicLong nextRequestId = new AtomicLong();
    private final Set<Exchange> active = ConcurrentHashMap.newKeySet();
    /** Scheduled retries and pauses, each with what ends it when cancelled. */
    private final Map<ScheduledFuture<?>, Runnable> waiting = new ConcurrentHashMap<>();
    private final SplittableRandom jitter;
    private final FailFast failFast;
    private volatile boolean stopped;
    private volatile EarlyStop earlyStop;
    private volatile StageMetrics current;
    /** An attempt whose row could not be made: a bug of the driver, which ends the run. */
    private volatile RuntimeException broken;

    public LoadRunner(RunConfig config, HttpTransport transport, RunObserver observer, long runStartNanos) {
        this(config, transport, observer, runStartNanos, null);
    }

    /** ... with {@code tap} seeing each attempt's body and event bytes (null for none). */
    public LoadRunner(RunConfig config, HttpTransport transport, RunObserver observer, long runStartNanos,
            AttemptTap tap) {
        this.config = config;
        this.transport = transport;
        this.observer = observer;
        this.runStartNanos = runStartNanos;
        this.jitter = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        this.failFast = new FailFast(config.failFast());
        this.shared = new Exchange.Shared(config.target(), config.timeouts(), config.client(),
                new ClientStrategies(config.client()), transport, headers(config.target()), runStartNanos,
                this::attemptDone, tap);
    }

    static HttpHeaders headers(Target target) {
        HttpHeaders h = new DefaultHttpHeaders();
        boolean defaultPort = target.url().getPort() < 0;
        h.set(HttpHeaderNames.HOST, target.url().getHost() + (defaultPort ? "" : ":" + target.port()));
        h.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        h.set(HttpHeaderNames.ACCEPT, "text/event-stream");
        h.set(HttpHeaderNames.USER_AGENT, USER_AGENT);
        if (target.apiKey() != null) {
            h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.apiKey());
        }
        target.headers().forEach(h::set);
        return h;
    }

    /** The stage now running, or null before the first. */
    public StageMetrics currentStage() {
        return current;
    }

    /** Whether {@link #stop()} was called. */
    public boolean stopped() {
        return stopped;
    }

    /** Runs every stage; returns when the last ended or after {@link #stop()}. */
    public RunOutcome run() {
        List<StageMetrics.Counters> done = new ArrayList<>();
        for (int i = 0; i < config.stages().size() && !stopped; i++) {
            Workload workload = config.stages().get(i);
            long start = System.nanoTime();
            Duration duration = config.bounds().duration();
            StageMetrics metrics = new StageMetrics(i, workload, new StageWindow(start,
                    config.bounds().warmup().toNanos(), duration == null ? -1 : duration.toNanos()));
            Stage stage = new Stage(metrics, start, config.bounds(), nextRequestId, config.seed() * 31 + i);
            current = metrics;
            observer.stageStarted(metrics);
            if (workload instanceof Workload.Closed closed) {
                runClosed(stage, closed);
            } else {
                runOpen(stage, (Workload.Open) workload, new SplittableRandom(config.seed() + 1000L * i));
            }
            metrics.window().endStage(System.nanoTime());
            observer.stageEnded(metrics);
            done.add(metrics.counters());
        }
        if (broken != null) {
            throw new IllegalStateException("the driver could not record an attempt (a bug): " + broken.getMessage(),
                    broken);
        }
        return new RunOutcome(done, stopped, runStartNanos, System.nanoTime(), earlyStop);
    }

    /** Stops sending and cancels in-flight attempts and pending retries; any thread. */
    public void stop() {
        stopped = true;
        StageMetrics stage = current;
        if (stage != null) {
            stage.window().endWindow(System.nanoTime());
        }
        cancelAll();
    }

    private void runClosed(Stage stage, Workload.Closed workload) {
        // Every stream starts (or, when stopped, counts itself finished at once).
        for (int i = 0; i < workload.concurrency(); i++) {
            issueClosed(stage, i);
        }
        awaitQuiet(stage, true);
    }

    private void issueClosed(Stage stage, int stream) {
        Request request = stopped ? null : stage.admit(System.nanoTime(), stream);
        if (request == null) {
            stage.streams().countDown();
            return;
        }
        sendAttempt(request, 1);
    }

    private void runOpen(Stage stage, Workload.Open workload, SplittableRandom arrivals) {
        double meanGapNanos = 1e9 / workload.ratePerSecond();
        long intended = System.nanoTime();
        while (!stopped) {
            Request request = stage.admit(intended, -1);
            if (request == null) {
                break;
            }
            parkUntil(intended);
            while (!stopped && !tryAcquire(stage)) {
                // waiting for a slot: the intended time stays, so the wait shows in response time
            }
            if (stopped) {
                stage.metrics().requestCompleted(false);
                break;
            }
            sendAttempt(request, 1);
            double gap = workload.arrival() == Arrival.POISSON
                    ? -Math.log(1 - arrivals.nextDouble()) * meanGapNanos : meanGapNanos;
            intended += (long) gap;
        }
        awaitQuiet(stage, true);
    }

    private boolean tryAcquire(Stage stage) {
        try {
            return stage.slots().tryAcquire(10, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return false;
        }
    }

    private void parkUntil(long deadlineNanos) {
        long wait;
        while (!stopped && (wait = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
            if (Thread.interrupted()) {
                stop();
            }
        }
    }

    private void awaitQuiet(Stage stage, boolean issuingDone) {
        long drainLimit = config.timeouts().total().toNanos() + config.retry().maxBackoff().toNanos() + DRAIN_SLACK_NANOS;
        while (!stage.quiet(issuingDone)) {
            long now = System.nanoTime();
            if (stopped || (stage.endNanos() != Long.MAX_VALUE && now - stage.endNanos() > drainLimit)) {
                stage.close();
                cancelAll();
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                stop();
            }
        }
        stage.close();
    }

    private void cancelAll() {
        for (Exchange exchange : active) {
            exchange.cancel();
        }
        for (Map.Entry<ScheduledFuture<?>, Runnable> pending : waiting.entrySet()) {
            if (pending.getKey().cancel(false)) {
                pending.getValue().run();
            }
        }
    }

    /** Runs {@code task} after {@code nanos} on an event loop, or {@code ifCancelled} when stopped first. */
    private void later(long nanos, Runnable task, Runnable ifCancelled) {
        ScheduledFuture<?> future = transport.nextLoop().schedule(task, nanos, TimeUnit.NANOSECONDS);
        waiting.put(future, ifCancelled);
        // Fires at once if the task already ran, so no entry outlives its future.
        future.addListener(f -> waiting.remove(future));
        if (stopped && future.cancel(false)) {
            ifCancelled.run(); // stop() ran before the entry was there
        }
    }

    private void sendAttempt(Request request, int attempt) {
        if (stopped && attempt > 1) {
            requestEnded(request, false, 0);
            return;
        }
        Exchange exchange = new Exchange(request, attempt, shared);
        active.add(exchange);
        transport.open(exchange);
    }

    private void attemptDone(Exchange exchange) {
        active.remove(exchange);
        Request request = exchange.request();
        ErrorClass error = exchange.error();
        boolean retrying = !stopped && exchange.attempt() <= config.retry().maxRetries()
                && config.retry().retries(error, exchange.status(), exchange.streamStarted());
        request.stage().metrics().attemptCompleted(error.ok(), retrying);
        AttemptRow row;
        try {
            row = exchange.row(retrying);
        } catch (RuntimeException bug) {
            broken = bug;
            stop();
            requestEnded(request, false, 0);
            return;
        }
        observer.attempt(row);
        if (!retrying) {
            EarlyStop stop = failFast.requestEnded(error, exchange.status(), exchange.message(), exchange.refused());
            if (stop != null) {
                earlyStop = stop;
                stop();
            }
            requestEnded(request, error.ok(), pauseNanos(exchange));
            return;
        }
        long waitNanos;
        synchronized (jitter) {
            waitNanos = config.retry().backoffNanos(exchange.attempt(), exchange.retryAfterNanos(), jitter);
        }
        int next = exchange.attempt() + 1;
        later(waitNanos, () -> sendAttempt(request, next), () -> requestEnded(request, false, 0));
    }

    /**
     * A request ended for good. A closed-loop stream then sends its next one, after {@code pauseNanos}; when
     * the stage ends before the pause does, the stream is done at once.
     */
    private void requestEnded(Request request, boolean ok, long pauseNanos) {
        Stage stage = request.stage();
        stage.requestEnded(ok);
        int stream = request.stream();
        if (stream < 0) {
            return;
        }
        if (pauseNanos <= 0 || stopped) {
            issueClosed(stage, stream);
        } else if (System.nanoTime() + pauseNanos >= stage.endNanos()) {
            stage.streams().countDown();
        } else {
            later(pauseNanos, () -> issueClosed(stage, stream), () -> stage.streams().countDown());
        }
    }

    /**
     * How long a closed-loop stream waits before its next request: 0 after a success, else the retry backoff,
     * growing with the stream's failures in a row. None while the first requests may still stop the run: that
     * sends at most the fail-fast count plus the concurrency, and waiting would only delay the stop.
     */
    private long pauseNanos(Exchange exchange) {
        Request request = exchange.request();
        if (request.stream() < 0 || exchange.error() == ErrorClass.CANCELLED) {
            return 0;
        }
        int failures = request.stage().streamEnded(request.stream(), exchange.error().ok());
        if (failures == 0 || failFast.deciding()) {
            return 0;
        }
        synchronized (jitter) {
            return config.retry().pauseNanos(failures, exchange.retryAfterNanos(), jitter);
        }
    }
}
