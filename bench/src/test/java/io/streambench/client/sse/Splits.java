package io.streambench.client.sse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Ways to cut a stream into reads, as piece boundaries: {@code [0, b1, b2, ..., length]}.
 * Every plan is deterministic.
 */
final class Splits {

    static final int TCP_SEGMENT_BYTES = 1448;

    private Splits() {
    }

    static int[] whole(int length) {
        return new int[] {0, length};
    }

    static int[] bytewise(int length) {
        int[] bounds = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            bounds[i] = i;
        }
        return bounds;
    }

    static int[] segments(int length, int size) {
        int count = (length + size - 1) / size;
        int[] bounds = new int[count + 1];
        for (int i = 0; i < count; i++) {
            bounds[i] = i * size;
        }
        bounds[count] = length;
        return bounds;
    }

    static int[] at(int length, int... cuts) {
        int[] bounds = new int[cuts.length + 2];
        System.arraycopy(cuts, 0, bounds, 1, cuts.length);
        bounds[cuts.length + 1] = length;
        return bounds;
    }

    /** Every single cut (two reads), for each point of the stream. */
    static List<int[]> everyCut(int length) {
        List<int[]> plans = new ArrayList<>();
        for (int cut = 1; cut < length; cut++) {
            plans.add(at(length, cut));
        }
        return plans;
    }

    /** Every pair of cuts (three reads). Quadratic: only for small streams. */
    static List<int[]> everyTwoCuts(int length) {
        List<int[]> plans = new ArrayList<>();
        for (int first = 1; first < length; first++) {
            for (int second = first + 1; second < length; second++) {
                plans.add(at(length, first, second));
            }
        }
        return plans;
    }

    /** Reads of random sizes between 1 and {@code maxPiece} bytes. */
    static List<int[]> random(int length, int plans, int maxPiece, long seed) {
        Random random = new Random(seed);
        List<int[]> result = new ArrayList<>();
        for (int p = 0; p < plans; p++) {
            List<Integer> bounds = new ArrayList<>();
            bounds.add(0);
            int at = 0;
            while (at < length) {
                at = Math.min(length, at + 1 + random.nextInt(maxPiece));
                bounds.add(at);
            }
            result.add(bounds.stream().mapToInt(Integer::intValue).toArray());
        }
        return result;
    }
}
