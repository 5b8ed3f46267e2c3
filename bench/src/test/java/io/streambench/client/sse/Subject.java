package io.streambench.client.sse;

import io.streambench.jmh.PlannedReads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the suites run: a parser strategy fed pushed reads ({@link SseParsers}), or a reference
 * library reading the body as a blocking stream on the test's thread ({@link SseParsers#createBlocking}).
 * Both are given the same reads and the same arrival numbering (see {@link Feeding#run}).
 */
record Subject(String parser, boolean blocking) {

    /** Every strategy pushed, then every reference library reading a blocking body. */
    static List<Subject> all() {
        List<Subject> all = new ArrayList<>();
        SseParsers.names().forEach(name -> all.add(new Subject(name, false)));
        SseParsers.blockingNames().forEach(name -> all.add(new Subject(name, true)));
        return all;
    }

    /** A reference library pushed through a reader thread: two hand-offs per read, so slow per read. */
    boolean threadBridged() {
        return !blocking && SseParsers.blockingNames().contains(parser);
    }

    List<StreamEvent> run(byte[] bytes, int[] plan) {
        return run(bytes, plan, MalformedPolicy.SKIP);
    }

    /** Read {@code k} gets arrival {@code k + 1}, the end {@code reads + 1}, in both modes. */
    List<StreamEvent> run(byte[] bytes, int[] plan, MalformedPolicy policy) {
        if (!blocking) {
            return Feeding.run(parser, bytes, plan, policy);
        }
        EventRecorder recorder = new EventRecorder();
        PlannedReads body = new PlannedReads(bytes, Arrays.copyOfRange(plan, 1, plan.length));
        try {
            SseParsers.createBlocking(parser, recorder, policy).readAll(body, body::arrival);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(recorder.events());
    }

    @Override
    public String toString() {
        return blocking ? parser + " (blocking read)" : parser;
    }
}
