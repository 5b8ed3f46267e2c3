package io.streambench.client.sse;

/**
 * {@code bytes-scan}'s reader of Gemini's text events: {@code candidates} whose {@code content.parts} hold
 * {@code text} (a {@code thought} or not), the candidate's {@code finishReason} and {@code index}, and the
 * running {@code usageMetadata}; other fields (the model version, safety ratings, a part's
 * {@code thoughtSignature}, the prompt's token details) are checked and skipped. A {@code functionCall} part,
 * whose arguments Jackson writes out, or an error is left to Jackson.
 */
final class GeminiScanner extends JsonScan {

    private static final byte[] CANDIDATES = ascii("candidates");
    private static final byte[] USAGE_METADATA = ascii("usageMetadata");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] CONTENT = ascii("content");
    private static final byte[] FINISH_REASON = ascii("finishReason");
    private static final byte[] INDEX = ascii("index");
    private static final byte[] PARTS = ascii("parts");
    private static final byte[] TEXT = ascii("text");
    private static final byte[] THOUGHT = ascii("thought");
    private static final byte[] FUNCTION_CALL = ascii("functionCall");
    private static final byte[] PROMPT = ascii("promptTokenCount");
    private static final byte[] CANDIDATES_TOKENS = ascii("candidatesTokenCount");
    private static final byte[] THOUGHTS = ascii("thoughtsTokenCount");
    private static final byte[] CACHED = ascii("cachedContentTokenCount");
    private static final byte[] TOTAL = ascii("totalTokenCount");

    private final GeminiScratch scratch;
    private final CharSlice partText = new CharSlice(64);

    GeminiScanner(GeminiScratch scratch) {
        this.scratch = scratch;
    }

    @Override
    boolean root() {
        scratch.reset();
        if (!open('{')) {
            return false;
        }
        if (close('}')) {
            return afterRoot();
        }
        do {
            if (!key()) {
                return false;
            }
            boolean ok;
            if (keyIs(CANDIDATES)) {
                ok = peek() == 'n' ? literal(NULL) : candidates();
            } else if (keyIs(USAGE_METADATA)) {
                scratch.hasUsage = peek() != 'n';
                ok = scratch.hasUsage ? usage() : literal(NULL);
            } else if (keyIs(ERROR)) {
                ok = false;
            } else {
                ok = skipValue();
            }
            if (!ok) {
                return false;
            }
        } while (comma());
        return close('}') && afterRoot();
    }

    private boolean candidates() {
        if (!open('[')) {
            return false;
        }
        if (close(']')) {
            return true;
        }
        do {
            if (!candidate(scratch.addChoice())) {
                return false;
            }
        } while (comma());
        return close(']');
    }

    private boolean candidate(ChunkScratch.Choice choice) {
        // Parts are appended to these, not set.
        choice.content.clear();
        choice.reasoning.clear();
        if (!open('{')) {
            return false;
        }
        if (close('}')) {
            return true;
        }
        do {
            if (!key()) {
                return false;
            }
            boolean ok;
            if (keyIs(CONTENT)) {
                ok = peek() == 'n' ? literal(NULL) : content(choice);
            } else if (keyIs(FINISH_REASON)) {
                choice.hasFinishReason = peek() != 'n';
                ok = choice.hasFinishReason ? string(choice.finishReason) : literal(NULL);
            } else if (keyIs(INDEX)) {
                ok = indexOrNull();
                choice.index = intValue;
            } else {
                ok = skipValue();
            }
            if (!ok) {
                return false;
            }
        } while (comma());
        return close('}');
    }

    private boolean content(ChunkScratch.Choice choice) {
        if (!open('{')) {
            return false;
        }
        if (close('}')) {
            return true;
        }
        do {
            if (!key()) {
                return false;
            }
            boolean ok;
            if (keyIs(PARTS)) {
                ok = peek() == 'n' ? literal(NULL) : parts(choice);
            } else {
                ok = skipValue();
            }
            if (!ok) {
                return false;
            }
        } while (comma());
        return close('}');
    }

    private boolean parts(ChunkScratch.Choice choice) {
        if (!open('[')) {
            return false;
        }
        if (close(']')) {
            return true;
        }
        do {
            if (!part(choice)) {
                return false;
            }
        } while (comma());
        return close(']');
    }

    private boolean part(ChunkScratch.Choice choice) {
        if (!open('{')) {
            return false;
        }
        boolean hasText = false;
        boolean thought = false;
        if (!close('}')) {
            do {
                if (!key()) {
                    return false;
                }
                boolean ok;
                if (keyIs(TEXT)) {
                    hasText = peek() != 'n';
                    ok = hasText ? string(partText) : literal(NULL);
                } else if (keyIs(THOUGHT)) {
                    int c = peek();
                    thought = c == 't';
                    ok = literal(c == 't' ? TRUE : c == 'f' ? FALSE : NULL);
                } else if (keyIs(FUNCTION_CALL)) {
                    ok = false;
                } else {
                    ok = skipValue();
                }
                if (!ok) {
                    return false;
                }
            } while (comma());
            if (!close('}')) {
                return false;
            }
        }
        if (hasText) {
            if (thought) {
                choice.reasoning.append(partText);
                choice.hasReasoning = true;
            } else {
                choice.content.append(partText);
                choice.hasContent = true;
            }
        }
        return true;
    }

    private boolean usage() {
        if (!open('{')) {
            return false;
        }
        if (close('}')) {
            return true;
        }
        do {
            if (!key()) {
                return false;
            }
            boolean ok;
            if (keyIs(PROMPT)) {
                ok = indexOrNull();
                scratch.promptTokens = intValue;
            } else if (keyIs(CANDIDATES_TOKENS)) {
                ok = indexOrNull();
                scratch.completionTokens = intValue;
            } else if (keyIs(THOUGHTS)) {
                ok = indexOrNull();
                scratch.reasoningTokens = intValue;
            } else if (keyIs(CACHED)) {
                ok = indexOrNull();
                scratch.cachedTokens = intValue;
            } else if (keyIs(TOTAL)) {
                ok = indexOrNull();
                scratch.totalTokens = intValue;
            } else {
                ok = skipValue();
            }
            if (!ok) {
                return false;
            }
        } while (comma());
        return close('}');
    }
}
