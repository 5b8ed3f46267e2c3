package io.streambench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.client.Api;
import io.streambench.client.accumulate.Accumulator;
import io.streambench.client.accumulate.AccumulatorFactory;
import io.streambench.client.flush.FlushPolicy;
import io.streambench.client.flush.FlushStrategy;
import io.streambench.client.sse.ParserFactory;
import io.streambench.client.sse.SseListener;
import io.streambench.client.sse.SseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user's parser, flush policy and accumulator load by class name; what cannot be loaded is said in one line. */
class PluginOptionsTest {

    /** A user's parser: every read is one piece of content. */
    public static final class ReadsAsContent implements SseParser {
        private final SseListener listener;

        public ReadsAsContent(Api api, SseListener listener) {
            this.listener = listener;
        }

        @Override
        public void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
            listener.onContent(0, new String(bytes, offset, length, StandardCharsets.UTF_8), arrivalNanos);
        }

        @Override
        public void end(long arrivalNanos) {
        }
    }

    /** A user's flush policy: after every piece. */
    public static final class EveryPiece implements FlushPolicy {
        @Override
        public boolean flushOnText(int pendingChars, long sinceLastFlushNanos) {
            return true;
        }

        @Override
        public String name() {
            return "every-piece";
        }
    }

    /** A user's accumulator with a character limit. */
    public static final class Capped implements Accumulator {
        final int maxChars;
        private final StringBuilder text = new StringBuilder();

        public Capped(int maxChars) {
            this.maxChars = maxChars;
        }

        @Override
        public void append(CharSequence piece) {
            text.append(piece, 0, Math.min(piece.length(), maxChars - text.length()));
        }

        @Override
        public String result() {
            return text.toString();
        }

        @Override
        public long characters() {
            return text.length();
        }

        @Override
        public boolean truncated() {
            return false;
        }

        @Override
        public long retainedBytes() {
            return 0;
        }

        @Override
        public String name() {
            return "capped";
        }
    }

    @Test
    void shouldMakeAUsersParserByClassName() {
        ParserFactory factory = ParserFactory.named(ReadsAsContent.class.getName());
        List<String> pieces = new ArrayList<>();
        SseParser parser = factory.create(Api.CHAT, new SseListener() {
            @Override
            public void onContent(int choice, CharSequence text, long arrivalNanos) {
                pieces.add(text.toString());
            }
        });
        parser.feed("hello".getBytes(StandardCharsets.UTF_8), 0, 5, 1);

        assertEquals(ReadsAsContent.class.getName(), factory.label());
        assertEquals(List.of("hello"), pieces);
    }

    @Test
    void shouldMakeAUsersFlushPolicyAndLimitedAccumulatorByClassName() {
        assertEquals("every-piece", FlushStrategy.policyNamed(EveryPiece.class.getName()).name());

        AccumulatorFactory capped = AccumulatorFactory.named(Capped.class.getName());
        assertTrue(capped.limited(), "an (int maxChars) constructor makes it limited");
        assertEquals(7, ((Capped) capped.create(7)).maxChars);
    }

    @Test
    void shouldSayInOneLineWhenAClassIsMissingOrOfTheWrongKind() {
        Cli.Outcome missing = Cli.execute("run", "--parser", "com.acme.MissingParser", "--requests", "1");
        Cli.Outcome wrong = Cli.execute("run", "--flush", "java.lang.String", "--requests", "1");

        assertEquals(2, missing.code(), missing::toString);
        assertEquals(1, missing.err().strip().lines().count(), missing::toString);
        assertTrue(missing.err().startsWith("streambench run: Invalid value for option '--parser': unknown "
                + "parser=com.acme.MissingParser: no parser of that name and no such class on the class path"),
                missing::toString);
        assertEquals(2, wrong.code(), wrong::toString);
        assertEquals("streambench run: Invalid value for option '--flush': flush policy=java.lang.String: is not "
                + "io.streambench.client.flush.FlushPolicy (see --help)", wrong.err().strip(), wrong::toString);
    }
}
