package io.streambench.stacks;

import io.streambench.client.sse.SendStamps;
import io.streambench.client.sse.StreamEnd;
import io.streambench.client.sse.TokenUsage;
import io.streambench.client.stack.StreamEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/** Records what a stack tells about one stream, and whether its calls ever overlapped. */
final class Recorder implements StreamEvents {

    final CountDownLatch ended = new CountDownLatch(1);
    final StringBuilder text = new StringBuilder();
    final List<String> failures = new ArrayList<>();
    final StringBuilder errorBody = new StringBuilder();
    private final AtomicBoolean inCall = new AtomicBoolean();
    volatile boolean overlapped;
    volatile int status = -1;
    volatile String contentType;
    volatile int contentEvents;
    volatile int stamps;
    volatile int completes;
    volatile boolean done;
    volatile long outputTokens = -1;
    volatile long bytes;
    volatile long lastContentNanos;
    volatile long firstStampOverhead = Long.MIN_VALUE;

    private void enter() {
        if (!inCall.compareAndSet(false, true)) {
            overlapped = true;
        }
    }

    private void leave() {
        inCall.set(false);
    }

    boolean await(long seconds) throws InterruptedException {
        return ended.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void onResponse(int status, String contentType, UnaryOperator<String> header, long arrivalNanos) {
        enter();
        this.status = status;
        this.contentType = contentType;
        leave();
    }

    @Override
    public void onBytes(int count, long arrivalNanos) {
        enter();
        bytes += count;
        leave();
    }

    @Override
    public void onErrorBody(CharSequence body) {
        enter();
        errorBody.append(body);
        leave();
    }

    @Override
    public void onSendStamp(long sentNanos, long deliveredNanos) {
        enter();
        stamp(sentNanos, deliveredNanos);
        leave();
    }

    private void stamp(long sentNanos, long deliveredNanos) {
        if (stamps++ == 0) {
            firstStampOverhead = deliveredNanos - sentNanos;
        }
    }

    @Override
    public void onComment(CharSequence comment, long arrivalNanos) {
        enter();
        long stamp = SendStamps.parse(comment);
        if (stamp != SendStamps.NONE) {
            stamp(stamp, arrivalNanos);
        }
        leave();
    }

    @Override
    public void onContent(int choice, CharSequence content, long arrivalNanos) {
        enter();
        text.append(content);
        contentEvents++;
        lastContentNanos = arrivalNanos;
        leave();
    }

    @Override
    public void onUsage(TokenUsage usage, long arrivalNanos) {
        enter();
        outputTokens = usage.outputTokens();
        leave();
    }

    @Override
    public void onEnd(StreamEnd end, long arrivalNanos) {
        enter();
        done = end == StreamEnd.DONE;
        leave();
    }

    @Override
    public void onComplete(long nanos) {
        enter();
        completes++;
        leave();
        ended.countDown();
    }

    @Override
    public void onFailure(Failure failure, String message, long nanos) {
        enter();
        synchronized (failures) {
            failures.add(failure + " " + message);
        }
        leave();
        ended.countDown();
    }

    @Override
    public String toString() {
        return "status=" + status + " type=" + contentType + " contentEvents=" + contentEvents + " stamps=" + stamps
                + " done=" + done + " completes=" + completes + " failures=" + failures + " errorBody=" + errorBody
                + " text=" + (text.length() > 60 ? text.substring(0, 60) + "..." : text);
    }
}
