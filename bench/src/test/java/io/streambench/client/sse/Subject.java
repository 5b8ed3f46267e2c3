package io.streambench.client.sse;

import io.streambench.client.Api;
import io.streambench.jmh.PlannedReads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the suites run: a parser strategy fed pushed reads ({@link ParserStrategy#create}), or a reference
 * library reading the body as a blocking stream on the test's thread ({@link ParserStrategy#createBlocking}).
 * Both are given the same reads and the same arrival numbering (see {@link Feeding#run}).
 */
record Subject(ParserStrategy parser, boolean blocking) {

    /** Every strategy pushed, then every reference library reading a blocking body. */
    static List<Subject> all() {
        List<Subject> all = new ArrayList<>();
        Arrays.stream(ParserStrategy.values()).forEach(strategy -> all.add(new Subject(strategy, false)));
        ParserStrategy.blocking().forEach(strategy -> all.add(new Subject(strategy, true)));
        return all;
    }

    /** A reference library pushed through a reader thread: two hand-offs per read, so slow per read. */
    boolean threadBridged() {
        return !blocking && parser.hasBlockingMode();
    }

    List<StreamEvent> run(Api api, byte[] bytes, int[] plan) {
        return run(api, bytes, plan, MalformedPolicy.SKIP);
    }

    /** Read {@code k} gets arrival {@code k + 1}, the end {@code reads + 1}, in both modes. */
    List<StreamEvent> run(Api api, byte[] bytes, int[] plan, MalformedPolicy policy) {
        if (!blocking) {
            return Feeding.run(parser, api, bytes, plan, policy);
        }
        EventRecorder recorder = new EventRecorder();
        PlannedReads body = new PlannedReads(bytes, Arrays.copyOfRange(plan, 1, plan.length));
        try {
            parser.createBlocking(api, recorder, policy).readAll(body, body::arrival);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(recorder.events());
    }

    @Override
    public String toString() {
        return blocking ? parser.label() + " (blocking read)" : parser.label();
    }
}
