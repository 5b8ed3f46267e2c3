package io.streambench.client.sse;

import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a blocking reader (a library that pulls from an {@link InputStream}) in step with a caller
 * that pushes bytes. The reader runs on its own thread; {@link #feed} hands it one read and
 * returns only once the reader has consumed it and blocks for more, or has finished. So the
 * reader sees exactly the reads a socket would give it, its callbacks run while the feeding
 * thread waits (never concurrently with it), and the caller's arrival time for a read is the
 * one in force while the reader works on it.
 *
 * <p>This exists because the reference libraries keep the event they are reading in local
 * variables of a blocking call: they cannot be resumed after running out of bytes, so they cannot
 * be fed from a non-blocking buffer. The cost is two thread hand-offs per read, which the
 * pushed reference adapters ({@link ThreadBridgedParser}) carry in benchmarks; real users of
 * those libraries pay a blocking thread per stream instead, which {@link BlockingSseReader} run on
 * the caller's thread measures. Reader threads come from a shared cached pool, as OkHttp's
 * dispatcher runs its readers, so a short stream does not pay for starting a thread.
 */
final class LockstepPipe {

    private static final AtomicInteger THREADS = new AtomicInteger();
    // Daemon threads: a caller that never calls end() must not keep the JVM alive.
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "sse-reference-reader-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** The blocking reader; it returns when the stream ends (read returns -1). */
    interface Reader {
        void read(InputStream in) throws Exception;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfStream;
    private boolean readerWaiting;
    private boolean finished;
    private Throwable failure;

    LockstepPipe(Reader reader) {
        READERS.execute(() -> run(reader));
    }

    /** Hands over {@code length} bytes and waits until the reader has used them all. */
    void feed(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        lock.lock();
        try {
            if (finished) {
                return;
            }
            buffer = bytes;
            position = offset;
            limit = offset + length;
            changed.signalAll();
            while (!finished && !(readerWaiting && position == limit)) {
                changed.awaitUninterruptibly();
            }
            buffer = null;
            position = limit = 0;
            rethrowFailure();
        } finally {
            lock.unlock();
        }
    }

    /** Signals end of stream and waits for the reader to return. */
    void end() {
        lock.lock();
        try {
            endOfStream = true;
            changed.signalAll();
            while (!finished) {
                changed.awaitUninterruptibly();
            }
            rethrowFailure();
        } finally {
            lock.unlock();
        }
    }

    private void run(Reader reader) {
        try {
            reader.read(in);
        } catch (Throwable t) {
            failure = t;
        } finally {
            lock.lock();
            try {
                finished = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void rethrowFailure() {
        if (failure != null) {
            Throwable t = failure;
            failure = null;
            if (t instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (t instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("reference reader failed", t);
        }
    }

    private final InputStream in = new InputStream() {
        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            lock.lock();
            try {
                while (position == limit && !endOfStream) {
                    readerWaiting = true;
                    changed.signalAll();
                    changed.awaitUninterruptibly();
                }
                readerWaiting = false;
                if (position == limit) {
                    return -1;
                }
                int n = Math.min(length, limit - position);
                System.arraycopy(buffer, position, into, offset, n);
                position += n;
                return n;
            } finally {
                lock.unlock();
            }
        }
    };
}
