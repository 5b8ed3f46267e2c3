package io.streambench.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A recorded-style arrival pattern for one streamed answer, replayed by the flush benchmarks with
 * a fake clock: when each content chunk arrived, its text, and whether it was the last chunk of its
 * network read. Seeded, so every run replays the same stream.
 *
 * <p>The shape follows what a client sees from a hosted model: the first token after about 350 ms,
 * then one or two tokens every 15 to 45 ms, 8 % of the time a burst of 2 to 8 chunks that arrive in
 * one read (a proxy or TCP coalescing them), and 1 % of the time a stall of 300 to 800 ms.
 */
final class ArrivalTrace {

    private static final String[] TOKENS = {
        " The", " stream", "ing", " answer", " arrives", " in", " small", " pieces", ",", " each",
        " one", " a", " chunk", " of", " JSON", " text", ".", " Café", " naïve", " —", " 😀", "\n\n",
    };

    final long[] arrivalNanos;
    final String[] text;
    final boolean[] endsRead;
    final long characters;

    private ArrivalTrace(long[] arrivalNanos, String[] text, boolean[] endsRead) {
        this.arrivalNanos = arrivalNanos;
        this.text = text;
        this.endsRead = endsRead;
        long chars = 0;
        for (String t : text) {
            chars += t.length();
        }
        this.characters = chars;
    }

    /** A trace of {@code chunks} content chunks, starting at time 0. */
    static ArrivalTrace realistic(int chunks, long seed) {
        Random random = new Random(seed);
        long[] arrivals = new long[chunks];
        String[] texts = new String[chunks];
        boolean[] endsRead = new boolean[chunks];
        long now = TimeUnit.MILLISECONDS.toNanos(350);
        int burstLeft = 0;
        for (int i = 0; i < chunks; i++) {
            if (i > 0 && burstLeft == 0) {
                double roll = random.nextDouble();
                if (roll < 0.01) {
                    now += TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(501));
                } else {
                    now += TimeUnit.MICROSECONDS.toNanos(15_000 + random.nextInt(30_001));
                    if (roll < 0.09) {
                        burstLeft = 1 + random.nextInt(7);
                    }
                }
            } else if (burstLeft > 0) {
                burstLeft--;
            }
            arrivals[i] = now;
            String token = TOKENS[random.nextInt(TOKENS.length)];
            texts[i] = random.nextInt(3) == 0 ? token + TOKENS[random.nextInt(TOKENS.length)] : token;
        }
        for (int i = 0; i < chunks; i++) {
            endsRead[i] = i == chunks - 1 || arrivals[i + 1] != arrivals[i];
        }
        return new ArrivalTrace(arrivals, texts, endsRead);
    }

    int chunks() {
        return arrivalNanos.length;
    }

    long endNanos() {
        return arrivalNanos[arrivalNanos.length - 1];
    }
}
