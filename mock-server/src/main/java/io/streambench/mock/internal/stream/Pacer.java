package io.streambench.mock.internal.stream;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.util.concurrent.TimeUnit;

/**
 * Wakes paced streams at their deadlines: one timing wheel per event loop, instead of one scheduled task per
 * event.
 *
 * <p>With thousands of streams each scheduling its next step on Netty's timer, every event costs a task
 * object, a priority-queue insert and removal (O(log n) with cache misses at 10,000 entries) and, when the
 * loop is not busy, a wake-up of its own. Here a stream due within the wheel's horizon goes into the slot of
 * its deadline (an intrusive list, O(1), no allocation), and the loop wakes once for every slot that holds
 * streams and runs every stream that is due by then. Nothing runs before its deadline.
 *
 * <p>When the loop wakes for a slot: <b>at the deadline of its stream when it holds one stream, at the end of the
 * slot when it holds several</b> (as the slot was when the wake-up was set), <b>except for a stream's first
 * event</b> ({@link Paced#exactDeadline()}): a slot that holds one wakes at the earliest such deadline, runs what
 * is due then and wakes again for the rest. A first event's lateness is its time to first token's error, one for
 * one, and first events are few (one per answer, against tens of later events), so keeping them to the microsecond
 * costs few wake-ups. For them the loop also wakes early and spins to the deadline: a timer wake-up is late, and on
 * a virtual machine very late after a long sleep (a first token comes after the longest one: about 0.4 ms late at a
 * 200 ms time to first token on the 2-core VM this was measured on, against about 0.17 ms after a 20 ms gap). How
 * early is learnt from the timer's own lateness on exact wake-ups, per length of sleep ({@link SpinEstimate}), so a
 * busy loop, whose timer fires on time, spins little. Streams whose deadlines fall in one slot share one wake-up at its end, which is what
 * keeps wake-ups, and so CPU, down at high load (see {@link #SHIFT}); a lone stream, the usual case at low load,
 * costs one wake-up either way, so it is woken on time rather than up to a slot late. A stream that joins a slot
 * after its wake-up was set for a lone stream does not move it: it runs then if it is due, else on a wake-up of its
 * own, at its deadline.
 *
 * <p>Streams due further ahead than the horizon (about 4.3 s) use Netty's timer as before; a stream that
 * is already due (catching up after a late wake-up) goes into the current slot and runs after the loop has
 * looked at its I/O again, so one stream never holds the loop. A stream that ends while it waits in the
 * wheel is dropped when its slot comes up ({@link Paced#isOver()}).
 *
 * <p>Confined to its event loop: every method must be called on it.
 *
 * <p>A little over 300 lines, most of it this explanation, and left whole: the wheel's slots, its intrusive lists
 * and the wake-up rule above are one mechanism, whose invariants hold only when read together.
 */
final class Pacer implements Runnable {

    /**
     * Slot width: 2^18 ns, about 262 µs; also the timer slack for streams that share a slot. The loop wakes
     * once per occupied slot, at its end when several streams are in it (at the deadline of a lone one), and
     * runs everything due in it, so no write is more than one slot late for the wheel's sake (a quarter of a
     * millisecond), and streams whose deadlines fall in one slot share one wake-up. Wake-ups,
     * not writes, are what a paced server mostly pays for at moderate load: on a virtual machine each
     * costs a timer interrupt and a context switch (about 20 µs of CPU on the 2-core VM this was measured
     * on, against about 14 µs per event written when the loop never sleeps).
     */
    private static final int SHIFT = 18;
    private static final int SLOTS = 1 << 14;
    private static final int MASK = SLOTS - 1;

    private static final InternalLogger LOG = InternalLoggerFactory.getInstance(Pacer.class);

    private static final FastThreadLocal<Pacer> PACERS = new FastThreadLocal<>();

    private final EventExecutor loop;
    private final long origin = System.nanoTime();
    private final Paced[] heads = new Paced[SLOTS];
    /** The earliest deadline in each slot (valid while the slot is occupied). */
    private final long[] earliest = new long[SLOTS];
    /** Streams in each slot (valid while the slot is occupied): one is woken at its deadline. */
    private final int[] members = new int[SLOTS];
    /** Streams in each slot whose deadline is exact, and the earliest of those deadlines (valid when some are). */
    private final int[] exactMembers = new int[SLOTS];
    private final long[] earliestExact = new long[SLOTS];
    private final long[] occupied = new long[SLOTS / 64];
    /** The absolute slot number processed next; every queued stream's slot is in [cursor, cursor + SLOTS). */
    private long cursor;
    private int size;
    private boolean running;
    /** Wake-ups so far; a stream queued during one runs on a later one, after the loop's I/O. */
    private long runs;
    /** While running: the slot of the wake-up's time, where streams already due again are queued. */
    private long dueSlot;
    /** While {@link #wakeArmed}: when the loop wakes us; {@link #wake} is that timer, or null for an execute(). */
    private long wakeAt;
    private boolean wakeArmed;
    /** While {@link #wakeArmed}: the timer fires before {@link #wakeAt}, as {@link #spin} says; the run spins to it. */
    private boolean spinToWake;
    /** How early the timer is set for an exact deadline, learnt from its lateness per length of sleep. */
    private final SpinEstimate spin = new SpinEstimate();
    /** While {@link #spinToWake}: when the timer was set to fire, and how far ahead it was set. */
    private long timerAt;
    private long timerSleepNanos;
    private ScheduledFuture<?> wake;

    private Pacer(EventExecutor loop) {
        this.loop = loop;
    }

    /** The pacer of {@code loop}; call on that loop. */
    static Pacer of(EventExecutor loop) {
        Pacer p = PACERS.get();
        if (p == null || p.loop != loop) {
            p = new Pacer(loop);
            PACERS.set(p);
        }
        return p;
    }

    /** Streams waiting in the wheel (including ended ones not yet dropped). */
    int size() {
        return size;
    }

    /**
     * Queues {@code s} to run at {@link Paced#deadlineNanos()}; a deadline already past runs as soon as
     * the loop comes back to us. Returns false, queuing nothing, for a deadline beyond the wheel's horizon:
     * the caller uses the loop's timer for it.
     */
    boolean offer(Paced s, long now) {
        long deadline = s.deadlineNanos();
        if (size == 0 && !running) {
            cursor = Math.max(cursor, slotOf(now));
        }
        long slot = Math.max(running ? dueSlot : cursor, slotOf(deadline));
        if (slot - cursor >= SLOTS - 1) {
            return false;
        }
        s.queuedInRun = runs;
        link(s, (int) (slot & MASK), deadline);
        if (!running) {
            long at = wakeTime(slot, now);
            if (!wakeArmed || at - wakeAt < 0) {
                arm(at, now, exactWake(slot, at, now));
            }
        }
        return true;
    }

    @Override
    public void run() {
        boolean armedToSpin = wakeArmed && spinToWake;
        wakeArmed = false;
        wake = null;
        running = true;
        runs++;
        long now = System.nanoTime();
        if (armedToSpin) {
            if (timerAt - wakeAt < 0) { // a timer, not an execute(): how late it fired
                spin.learn(timerSleepNanos, now - timerAt);
            }
            while (wakeAt - now > 0) {
                Thread.onSpinWait();
                now = System.nanoTime();
            }
        }
        long nowSlot = slotOf(now);
        dueSlot = nowSlot;
        try {
            while (size > 0) {
                runSlot(now);
                if (cursor >= nowSlot || size == 0) {
                    break;
                }
                cursor = Math.min(nowSlot, nextOccupiedSlot());
            }
            cursor = Math.max(cursor, nowSlot);
        } finally {
            running = false;
        }
        if (size > 0) {
            long slot = nextOccupiedSlot();
            long later = System.nanoTime();
            long at = wakeTime(slot, later);
            arm(at, later, exactWake(slot, at, later));
        }
    }

    /** Runs the due streams of the cursor's slot; the others stay in it. */
    private void runSlot(long now) {
        int i = (int) (cursor & MASK);
        Paced s = heads[i];
        if (s == null) {
            return;
        }
        heads[i] = null;
        members[i] = 0;
        exactMembers[i] = 0;
        occupied[i >>> 6] &= ~(1L << i);
        while (s != null) {
            Paced next = s.wheelNext;
            s.wheelNext = null;
            size--;
            if (s.isOver()) {
                // dropped
            } else if (s.deadlineNanos() - now > 0 || s.queuedInRun == runs) {
                // not due yet (only in the slot of now), or queued again during this wake-up: stays
                link(s, i, s.deadlineNanos());
            } else {
                // May queue s again: in a later slot, or in the slot of now when it is already due again
                // (catching up); then it runs on the next wake-up, after the loop's I/O.
                try {
                    s.run();
                } catch (Throwable t) {
                    // As the loop does for a failing task: the rest of this slot's list must not be lost.
                    LOG.warn("a paced stream failed", t);
                }
            }
            s = next;
        }
    }

    private void link(Paced s, int i, long deadline) {
        if (s.exactDeadline()) {
            if (heads[i] == null || exactMembers[i] == 0 || deadline - earliestExact[i] < 0) {
                earliestExact[i] = deadline;
            }
            exactMembers[i] = heads[i] == null ? 1 : exactMembers[i] + 1;
        } else if (heads[i] == null) {
            exactMembers[i] = 0;
        }
        if (heads[i] == null) {
            occupied[i >>> 6] |= 1L << i;
            earliest[i] = deadline;
            members[i] = 1;
        } else {
            if (deadline - earliest[i] < 0) {
                earliest[i] = deadline;
            }
            members[i]++;
        }
        s.wheelNext = heads[i];
        heads[i] = s;
        size++;
    }

    /** The first occupied slot at or after the cursor (size must be positive). */
    private long nextOccupiedSlot() {
        int from = (int) (cursor & MASK);
        int word = from >>> 6;
        long bits = occupied[word] & (-1L << from);
        for (int n = 0; n <= occupied.length; n++) {
            if (bits != 0) {
                int i = (word << 6) + Long.numberOfTrailingZeros(bits);
                return cursor + ((i - from) & MASK);
            }
            word = (word + 1) % occupied.length;
            bits = occupied[word];
        }
        throw new IllegalStateException("pacer holds " + size + " streams but no slot is occupied");
    }

    /** Sets the wake-up; {@code exact}: for an exact deadline, woken early to spin to it. */
    private void arm(long at, long now, boolean exact) {
        if (wakeArmed) {
            if (wake == null) {
                return; // an execute() is pending: it comes before any deadline
            }
            wake.cancel(false);
        }
        wakeArmed = true;
        wakeAt = at;
        spinToWake = exact;
        long delay = at - now - (exact ? spin.spinNanos(at - now) : 0);
        if (delay > 0) {
            timerAt = now + delay;
            timerSleepNanos = delay;
            wake = loop.schedule(this, delay, TimeUnit.NANOSECONDS);
        } else {
            timerAt = at;
            wake = null;
            loop.execute(this);
        }
    }

    /**
     * When to wake for {@code slot} (occupied): at once when its earliest deadline is already past (a stream
     * catching up), at that deadline when the slot holds one stream, at the earliest exact deadline when it holds
     * some, else at the end of the slot, when all of it is due.
     */
    private long wakeTime(long slot, long now) {
        int i = (int) (slot & MASK);
        long earliestDeadline = earliest[i];
        if (earliestDeadline - now <= 0) {
            return now;
        }
        if (members[i] == 1) {
            return earliestDeadline;
        }
        if (exactMembers[i] > 0) {
            return earliestExact[i];
        }
        return origin + ((slot + 1) << SHIFT);
    }

    /** Whether the wake-up for {@code slot} is for an exact deadline (to spin to): see {@link #wakeTime}. */
    private boolean exactWake(long slot, long at, long now) {
        int i = (int) (slot & MASK);
        return at - now > 0 && exactMembers[i] > 0 && at == earliestExact[i];
    }

    /** For tests: when the loop is set to wake the pacer, or -1 when it is not. */
    long armedWakeNanos() {
        return wakeArmed ? wakeAt : -1;
    }

    /** For tests: the wake-ups so far. */
    long wakeUps() {
        return runs;
    }

    /** For tests: the start of the first slot that begins after {@code nanos}. */
    long nextSlotStart(long nanos) {
        return origin + ((slotOf(nanos) + 1) << SHIFT);
    }

    private long slotOf(long nanos) {
        return (nanos - origin) >> SHIFT;
    }
}
