package io.streambench.client.sse;

/**
 * {@code bytes-scan}'s reader of Gemini's text events: {@code candidates} whose {@code content.parts} hold
 * {@code text} (a {@code thought} or not), the candidate's {@code finishReason} and {@code index}, and the
 * running {@code usageMetadata}; other fields (the model version, safety ratings, a part's
 * {@code thoughtSignature}, the prompt's token details) are checked and skipped. A {@code functionCall} part,
 * whose arguments Jackson writes out, or an error is left to Jackson.
 */
final class GeminiScanner extends JsonScan<GeminiScratch> {

    private static final int CANDIDATE = 1;
    private static final int CONTENT = 2;
    private static final int PART = 3;
    private static final int USAGE = 4;

    private ChunkScratch.Choice choice;
    // The part being read: its text goes to the reasoning or the answer once we know whether it is a thought.
    private final CharSlice partText = new CharSlice(64);
    private boolean thought;

    GeminiScanner(GeminiScratch scratch) {
        super(scratch);
    }

    @Override
    boolean field(int kind) {
        return switch (kind) {
            case ROOT -> rootField();
            case CANDIDATE -> candidateField();
            case CONTENT -> keyIs("parts") ? arrayOrNull(PART) : skipValue();
            case PART -> partField();
            default -> usageField(scratch);
        };
    }

    @Override
    boolean element(int kind) {
        if (kind == CANDIDATE) {
            choice = scratch.addChoice();
            // Parts are appended to these, not set.
            choice.content.clear();
            choice.reasoning.clear();
            return object(CANDIDATE);
        }
        partText.present = false;
        thought = false;
        if (!object(PART)) {
            return false;
        }
        if (partText.present) {
            CharSlice into = thought ? choice.reasoning : choice.content;
            into.append(partText);
            into.present = true;
        }
        return true;
    }

    private boolean rootField() {
        if (keyIs("candidates")) {
            return arrayOrNull(CANDIDATE);
        }
        if (keyIs("usageMetadata")) {
            scratch.hasUsage = peek() != 'n';
            return objectOrNull(USAGE);
        }
        return !keyIs("error") && skipValue();
    }

    private boolean candidateField() {
        if (keyIs("content")) {
            return objectOrNull(CONTENT);
        }
        if (keyIs("finishReason")) {
            return stringOrNull(choice.finishReason);
        }
        if (keyIs("index")) {
            boolean ok = indexOrNull();
            choice.index = intValue;
            return ok;
        }
        return skipValue();
    }

    private boolean partField() {
        if (keyIs("text")) {
            return stringOrNull(partText);
        }
        if (keyIs("thought")) {
            int c = peek();
            thought = c == 't';
            return literal(c == 't' ? TRUE : c == 'f' ? FALSE : NULL);
        }
        return !keyIs("functionCall") && skipValue();
    }

    private boolean usageField(UsageCounts counts) {
        int count = keyIs("promptTokenCount") ? 1 : keyIs("candidatesTokenCount") ? 2 : keyIs("thoughtsTokenCount") ? 3
                : keyIs("cachedContentTokenCount") ? 4 : keyIs("totalTokenCount") ? 5 : 0;
        if (count == 0) {
            return skipValue();
        }
        boolean isNull = peek() == 'n';
        // Counts of up to 9 digits; longer ones are left to Jackson.
        boolean ok = indexOrNull();
        switch (count) {
            case 1 -> counts.input = intValue;
            case 2 -> counts.output = intValue;
            case 3 -> counts.reasoning = intValue;
            case 4 -> {
                counts.cached = intValue;
                counts.hasCached = !isNull;
            }
            default -> counts.total = intValue;
        }
        return ok;
    }
}
