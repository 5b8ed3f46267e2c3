package io.streambench.client.sse;

/**
 * One Gemini {@code GenerateContentResponse} as read so far: candidates as choices (text parts joined into
 * the content, {@code thought} parts into the reasoning, {@code functionCall} parts as whole tool calls),
 * {@code usageMetadata} and {@code error} ({@code status} read as the error's type). What the stream as a
 * whole has said stays across events: how many calls came (a call's index is its position, Gemini sends
 * none) and whether a finish reason came, which makes the end of the body the end of the answer.
 */
final class GeminiScratch extends ChunkScratch {

    private int callsSoFar;
    private boolean finishSeen;

    @Override
    int toolIndex(ToolCall call) {
        return callsSoFar++;
    }

    @Override
    void finished(SseListener listener, Choice choice, long arrivalNanos) {
        finishSeen = true;
        super.finished(listener, choice, arrivalNanos);
    }

    /** {@code candidatesTokenCount} counts the answer only: the output is it plus {@code thoughtsTokenCount}. */
    @Override
    TokenUsage usage() {
        return as(TokenUsage.Source.USAGE_METADATA, true);
    }

    @Override
    void endOfBody(SseListener listener, long arrivalNanos) {
        if (finishSeen) {
            finishSeen = false;
            listener.onEnd(StreamEnd.BODY_END, arrivalNanos);
        }
    }
}
