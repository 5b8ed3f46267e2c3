package io.streambench.client.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.client.Api;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The kit fails a parser that gets a stream wrong, and runs only the APIs a parser says it reads. */
class ParserConformanceKitTest {

    /** bytes-scan, but the end of the stream ({@code [DONE]} and the like) never reaches the listener. */
    private static final ParserFactory NO_END = new ParserFactory() {
        @Override
        public String label() {
            return "no-end";
        }

        @Override
        public SseParser create(Api api, SseListener listener) {
            return ParserStrategy.BYTES_SCAN.create(api, new SseListener() {
                @Override
                public void onContent(int choice, CharSequence text, long arrivalNanos) {
                    listener.onContent(choice, text, arrivalNanos);
                }

                @Override
                public void onComment(CharSequence text, long arrivalNanos) {
                    listener.onComment(text, arrivalNanos);
                }

                @Override
                public void onRole(int choice, CharSequence role, long arrivalNanos) {
                    listener.onRole(choice, role, arrivalNanos);
                }

                @Override
                public void onFinish(int choice, CharSequence reason, long arrivalNanos) {
                    listener.onFinish(choice, reason, arrivalNanos);
                }

                @Override
                public void onUsage(TokenUsage usage, long arrivalNanos) {
                    listener.onUsage(usage, arrivalNanos);
                }
            });
        }

        @Override
        public Set<Api> apis() {
            return Set.of(Api.CHAT);
        }
    };

    @Test
    void shouldFailAParserThatLosesTheEndOfTheStream() {
        List<DynamicTest> tests = new ParserConformanceKit() {
            @Override
            protected ParserFactory parser() {
                return NO_END;
            }
        }.conformance().toList();

        DynamicTest text = tests.stream().filter(t -> t.getDisplayName().equals("text-lf")).findFirst().orElseThrow();
        AssertionFailedError failed = org.junit.jupiter.api.Assertions.assertThrows(AssertionFailedError.class,
                () -> text.getExecutable().execute());
        assertTrue(failed.getMessage().startsWith("events of no-end fed bytewise"), failed.getMessage());
        // chat streams only: the parser reads no other API
        assertEquals(0, tests.stream().filter(t -> t.getDisplayName().contains("/")).count(),
                () -> tests.stream().map(DynamicTest::getDisplayName).toList().toString());
    }
}
