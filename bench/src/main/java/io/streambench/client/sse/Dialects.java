package io.streambench.client.sse;

import io.streambench.client.Api;

/** The per-stream readers of each dialect's JSON, for the strategies that share them. */
final class Dialects {

    private Dialects() {
    }

    /** A Jackson token reader for {@code api}'s events, with its own scratch. */
    static TokenAssembler<?> assembler(Api api) {
        return switch (api) {
            case CHAT, COMPLETIONS -> new ChunkAssembler(new ChunkScratch());
            case RESPONSES -> new ResponsesAssembler(new ResponsesScratch());
            case MESSAGES -> new MessagesAssembler(new MessagesScratch());
            case GEMINI -> new GeminiAssembler(new GeminiScratch());
        };
    }

    /** The hand-written scanner that fills {@code scratch}, of the scratch's dialect. */
    static EventScanner scanner(EventScratch scratch) {
        if (scratch instanceof GeminiScratch gemini) {
            return new GeminiScanner(gemini);
        }
        if (scratch instanceof ChunkScratch chunk) {
            return new ChunkScanner(chunk);
        }
        if (scratch instanceof ResponsesScratch responses) {
            return new ResponsesScanner(responses);
        }
        return new MessagesScanner((MessagesScratch) scratch);
    }
}
