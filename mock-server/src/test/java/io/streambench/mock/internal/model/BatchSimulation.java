package io.streambench.mock.internal.model;

import io.netty.buffer.ByteBuf;
import io.streambench.mock.internal.stream.Script;
import io.streambench.mock.profile.ModelSettings;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/**
 * Runs a {@link ServerModel} under a simulated clock: requests arrive on a schedule, each stream's steps
 * happen exactly at their deadlines, and the time to first token of every request is recorded. The model's
 * own code decides everything (admission, queue, gaps of the batch, release as of the last deadline); the
 * simulation only stands in for the clock and the event loop, so what it computes is what the mock does when
 * its writes are on time.
 *
 * <pre>
 * BatchSimulation sim = new BatchSimulation(settings, 10.0, 2.0, 12);
 * double[] ttftMs = sim.run(Arrival.POISSON, 150.0, 20_000, seed);
 * </pre>
 */
final class BatchSimulation {

    /** How requests are spaced: the driver's two open-loop arrival processes. */
    enum Arrival { POISSON, CONSTANT }

    private static final Executor INLINE = Runnable::run;

    private final ModelSettings settings;
    private final long ttftNanos;
    private final long itlNanos;
    private final int steps;

    /**
     * @param settings the model (no tokenizer: the simulated prompts are not counted)
     * @param ttftMs the profile's constant time to first token
     * @param itlMs the profile's constant gap
     * @param steps steps of each answer (tokens, at one token per chunk)
     */
    BatchSimulation(ModelSettings settings, double ttftMs, double itlMs, int steps) {
        if (settings.countsTokens()) {
            throw new IllegalArgumentException("the simulation sends no prompts to count");
        }
        this.settings = settings;
        this.ttftNanos = (long) (ttftMs * 1e6);
        this.itlNanos = (long) (itlMs * 1e6);
        this.steps = steps;
    }

    /** The script of one answer: constant time to first token and gaps, as the profile's script has them. */
    Script script() {
        return new ConstantScript(ttftNanos, itlNanos, steps);
    }

    /**
     * Sends {@code requests} requests at {@code ratePerSecond} and returns each one's time to first token in
     * ms (queue wait, prefill and the profile's time to first token), in the order they were sent.
     */
    double[] run(Arrival arrival, double ratePerSecond, int requests, long seed) {
        ServerModel model = new ServerModel("simulated", settings, null, null);
        SplittableRandom random = new SplittableRandom(seed);
        PriorityQueue<Event> events = new PriorityQueue<>();
        double[] ttftMs = new double[requests];
        long[] order = {0};
        double meanGapNanos = 1e9 / ratePerSecond;
        double[] sendNanos = {0};
        // Arrivals are made one at a time, each when the one before it happens, so the queue of events holds
        // the streams under way and one arrival, not the whole schedule.
        Runnable[] nextArrival = new Runnable[1];
        int[] sent = {0};
        nextArrival[0] = () -> {
            int index = sent[0]++;
            long arrivalNanos = (long) sendNanos[0];
            model.submit(Prompt.EMPTY, INLINE, arrivalNanos, admitted -> {
                Script script = admitted.pace(script());
                long first = admitted.admittedNanos() + script.nextStepDelayNanos();
                ttftMs[index] = (first - arrivalNanos) / 1e6;
                events.add(new Event(first, order[0]++, new Stepper(script, first, events, order)));
            });
            if (sent[0] < requests) {
                sendNanos[0] += arrival == Arrival.CONSTANT ? meanGapNanos
                        : -Math.log(1 - random.nextDouble()) * meanGapNanos;
                events.add(new Event((long) sendNanos[0], order[0]++, nextArrival[0]));
            }
        };
        sendNanos[0] = arrival == Arrival.CONSTANT ? meanGapNanos : -Math.log(1 - random.nextDouble()) * meanGapNanos;
        events.add(new Event((long) sendNanos[0], order[0]++, nextArrival[0]));
        while (!events.isEmpty()) {
            events.poll().action.run();
        }
        return ttftMs;
    }

    /** One stream's next step at its deadline; it schedules the step after it. */
    private static final class Stepper implements Runnable {
        private final Script script;
        private final PriorityQueue<Event> events;
        private final long[] order;
        private long deadline;

        Stepper(Script script, long deadline, PriorityQueue<Event> events, long[] order) {
            this.script = script;
            this.deadline = deadline;
            this.events = events;
            this.order = order;
        }

        @Override
        public void run() {
            script.writeStep(null, deadline); // written exactly on time; releases its slot after the last step
            if (!script.finished()) {
                deadline += script.nextStepDelayNanos();
                events.add(new Event(deadline, order[0]++, this));
            }
        }
    }

    /** An arrival or a stream's step, in time order, ties in the order they were scheduled. */
    private record Event(long atNanos, long order, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(atNanos, o.atNanos);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** The p-th percentile (0-100) of {@code values} from {@code from} on, by the nearest rank. */
    static double percentile(double[] values, int from, double p) {
        double[] sorted = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Constant delays, writes nothing: the timing of a profile with constant ttft and gap, one token a chunk. */
    private static final class ConstantScript implements Script {
        private final long ttftNanos;
        private final long itlNanos;
        private final int steps;
        private int written;
        private boolean first = true;

        ConstantScript(long ttftNanos, long itlNanos, int steps) {
            this.ttftNanos = ttftNanos;
            this.itlNanos = itlNanos;
            this.steps = steps;
        }

        @Override
        public long nextStepDelayNanos() {
            long d = first ? ttftNanos : itlNanos;
            first = false;
            return d;
        }

        @Override
        public int writeStep(ByteBuf out, long stampNanos) {
            written++;
            return 1;
        }

        @Override
        public boolean finished() {
            return written >= steps;
        }

        @Override
        public int writeErrorEvent(ByteBuf out, long stampNanos, String message, String type, String code) {
            return 0;
        }

        @Override
        public void writeMalformed(ByteBuf out, long stampNanos, boolean invalidUtf8) {
        }
    }
}
