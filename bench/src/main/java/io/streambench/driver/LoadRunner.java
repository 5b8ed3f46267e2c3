package io.streambench.driver;

import io.netty.util.concurrent.ScheduledFuture;
import io.streambench.client.stack.ClientStack;
import io.streambench.driver.limits.SloTally;
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
 * open loops and trace replays send from the calling thread on their schedule, with each request's body made
 * ahead by the {@link Planner}; conversations run their sessions through a {@link SessionLoop}. Requests whose
 * bodies were not encoded at start are planned on the planner thread, never on an event loop; a request's
 * intended send is taken before its planning, so the driver's own delay shows in its response times and its
 * schedule lag. {@link #stop()} (Ctrl-C) cancels what is
 * in flight; {@link #run()} then returns normally with everything recorded so far. So does a run whose first
 * requests all fail alike ({@link FailFast}). After a failed request a closed-loop stream waits
 * ({@link RetryPolicy#pauseNanos}) before its next, so a failing server is never hammered.
 *
 * <p>It stays one file of about 380 lines because a request's way through a stage (admit, plan, send, record,
 * retry or pause, next) is one loop of callbacks sharing the stop flag, the attempts in flight and the pending
 * timers that {@link #stop()} cancels; the open-loop and trace schedules ({@link Schedules}) and conversations
 * ({@link SessionLoop}) already live apart.
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

    private final RunConfig config;
    private final Requests requests;
    private final Planner planner = new Planner();
    private final SessionLoop sessions;
    private final Schedules schedules;
    private final HttpTransport transport;
    /** Opens the streams when not the driver's own client. */
    private final ClientStack stack;
    private final RunObserver observer;
    private final Exchange.Shared shared;
    private final long runStartNanos;
    private final AtomicLong nextRequestId = new AtomicLong();
    private StagePlan plan;
    /**
     * The next number a source's request is planned for (requests encoded at start use the request's own id): a
     * number is planned once in a run, so no two requests are the same unless the source repeats itself.
     */
    private final AtomicLong planIndex = new AtomicLong();
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
        this(config, transport, observer, runStartNanos, tap, null);
    }

    /**
     * ... with every stream opened by {@code stack} ({@code run --client NAME}; null: the driver's own Netty client,
     * through {@code transport}, whose event loops run the timers either way).
     */
    public LoadRunner(RunConfig config, HttpTransport transport, RunObserver observer, long runStartNanos,
            AttemptTap tap, ClientStack stack) {
        this.stack = stack;
        this.config = config;
        this.requests = config.target().requests();
        this.transport = transport;
        this.observer = observer;
        this.runStartNanos = runStartNanos;
        this.jitter = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        this.failFast = new FailFast(config.failFast());
        this.shared = new Exchange.Shared(config.target(), config.timeouts(), config.client(),
                new ClientStrategies(config.client()), transport, RequestHeaders.of(config.target()), runStartNanos,
                this::attemptDone, tap);
        this.sessions = requests.conversations() ? new SessionLoop(this, requests, planner) : null;
        this.schedules = new Schedules(this, requests, planner, sessions, planIndex);
        this.plan = StagePlan.of(config.stages());
    }

    /** Runs the stages {@code plan} gives instead of the config's list (a sweep, a search); before {@link #run()}. */
    public LoadRunner plan(StagePlan stagePlan) {
        this.plan = stagePlan;
        return this;
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
        try {
            for (int i = 0; !stopped; i++) {
                Workload workload = plan.next(i);
                if (workload == null) {
                    break;
                }
                // A schedule starts with its first requests ready: planning them is setup, not lag.
                Planner.Ahead ahead = schedules.ahead(workload);
                long start = System.nanoTime();
                Duration duration = config.bounds().duration();
                // A closed loop's streams start spread over the ramp-up, which is part of the stage like any
                // other time: a --warmup at least as long keeps it out of the results.
                Duration ramp = workload instanceof Workload.Closed c ? config.bounds().rampUpFor(c.concurrency())
                        : Duration.ZERO;
                StageWindow window = new StageWindow(start, config.bounds().warmup().toNanos(),
                        duration == null ? -1 : duration.toNanos());
                StageMetrics metrics = new StageMetrics(i, workload, window,
                        new SloTally(config.objectives(), window));
                Stage stage = new Stage(metrics, start, config.bounds(), nextRequestId, config.seed() * 31 + i,
                        sessions != null, ahead);
                current = metrics;
                observer.stageStarted(metrics);
                SplittableRandom arrivals = new SplittableRandom(config.seed() + 1000L * i);
                if (workload instanceof Workload.Closed closed) {
                    if (sessions != null) {
                        sessions.runClosed(stage, closed.concurrency(), ramp);
                    } else {
                        runClosed(stage, closed, ramp);
                    }
                } else if (workload instanceof Workload.Open open) {
                    schedules.runOpen(stage, open, arrivals);
                } else {
                    schedules.runReplay(stage, start);
                }
                metrics.window().endStage(System.nanoTime());
                observer.stageEnded(metrics);
                done.add(metrics.counters());
            }
        } finally {
            planner.close();
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

    private void runClosed(Stage stage, Workload.Closed workload, Duration ramp) {
        // Every stream starts, spread over the ramp-up (or, when stopped, counts itself finished at once).
        Ramp.startSpread(workload.concurrency(), ramp, () -> stopped, i -> issueClosed(stage, i));
        awaitQuiet(stage, true);
    }

    /**
     * Stream {@code stream} is free: its next request, intended now, is admitted and sent with a body encoded at
     * start or made ahead by the planner; when none is ready (the planner is behind), the planner makes it and
     * sends it.
     */
    private void issueClosed(Stage stage, int stream) {
        Request request = stopped ? null : stage.admit(System.nanoTime(), stream);
        if (request == null) {
            stage.streams().countDown();
            return;
        }
        Prepared prepared = stage.ahead() == null ? prepare(request.id()) : poll(stage.ahead());
        if (prepared != null || stopped) {
            send(request, prepared);
        } else {
            planner.execute(() -> send(request, prepare(planIndex.getAndIncrement())));
        }
    }

    /** Sends a request's first attempt; without a body (the run broke) it ends at once. */
    private void send(Request request, Prepared prepared) {
        if (prepared == null) {
            requestEnded(request, false, 0, null);
        } else {
            sendAttempt(request.with(prepared), 1);
        }
    }

    private Prepared poll(Planner.Ahead ahead) {
        try {
            return ahead.poll();
        } catch (IllegalStateException bug) {
            broken(bug);
            return null;
        }
    }

    /** Request {@code index}, planned and encoded; null (the run stopped as broken) when that fails. */
    Prepared prepare(long index) {
        try {
            return requests.prepare(index);
        } catch (RuntimeException bug) {
            broken(bug);
            return null;
        }
    }

    /** A request could not be planned: the run stops and says why. */
    void broken(RuntimeException bug) {
        if (broken == null) {
            broken = bug;
        }
        stop();
    }

    void awaitQuiet(Stage stage, boolean issuingDone) {
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
    void later(long nanos, Runnable task, Runnable ifCancelled) {
        ScheduledFuture<?> future = transport.nextLoop().schedule(task, nanos, TimeUnit.NANOSECONDS);
        waiting.put(future, ifCancelled);
        // Fires at once if the task already ran, so no entry outlives its future.
        future.addListener(f -> waiting.remove(future));
        if (stopped && future.cancel(false)) {
            ifCancelled.run(); // stop() ran before the entry was there
        }
    }

    /** Whether {@link #stop()} was called (or the run broke). */
    boolean isStopped() {
        return stopped;
    }

    void sendAttempt(Request request, int attempt) {
        if (stopped && attempt > 1) {
            requestEnded(request, false, 0, null);
            return;
        }
        Exchange exchange = new Exchange(request, attempt, shared);
        active.add(exchange);
        if (stack == null) {
            transport.open(exchange);
        } else {
            StackAttempt.open(exchange, stack, shared);
        }
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
            row = request.stage().metrics().slo().judge(exchange.row(retrying));
        } catch (RuntimeException bug) {
            broken(bug);
            requestEnded(request, false, 0, null);
            return;
        }
        observer.attempt(row);
        if (!retrying) {
            EarlyStop stop = failFast.requestEnded(error, exchange.status(), exchange.message(), exchange.refused());
            if (stop != null) {
                earlyStop = stop;
                stop();
            }
            requestEnded(request, error.ok(), pauseNanos(exchange), exchange);
            return;
        }
        long waitNanos;
        synchronized (jitter) {
            waitNanos = config.retry().backoffNanos(exchange.attempt(), exchange.retryAfterNanos(), jitter);
        }
        int next = exchange.attempt() + 1;
        later(waitNanos, () -> sendAttempt(request, next), () -> requestEnded(request, false, 0, null));
    }

    /**
     * A request ended for good ({@code last}: its last attempt, null when none ended). A conversation's turn goes
     * to its session; a closed-loop stream sends its next request, after {@code pauseNanos}; when the stage ends
     * before the pause does, the stream is done at once.
     */
    private void requestEnded(Request request, boolean ok, long pauseNanos, Exchange last) {
        Stage stage = request.stage();
        stage.requestEnded(ok);
        if (sessions != null && request.prepared() != null) {
            sessions.turnEnded(request, ok, pauseNanos, last);
            return;
        }
        int stream = request.stream();
        if (stream < 0) {
            return;
        }
        afterPause(stage, pauseNanos, () -> issueClosed(stage, stream), () -> stage.streams().countDown());
    }

    /** Runs {@code next} after {@code pauseNanos}, or {@code done} when the stage ends (or stops) first. */
    void afterPause(Stage stage, long pauseNanos, Runnable next, Runnable done) {
        if (pauseNanos <= 0 || stopped) {
            next.run();
        } else if (System.nanoTime() + pauseNanos >= stage.endNanos()) {
            done.run();
        } else {
            later(pauseNanos, next, done);
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
