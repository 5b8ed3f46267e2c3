package io.streambench.mock.profile;

/**
 * How a profile answers a request that carries {@code tools}.
 *
 * @param probability chance that a request with tools (and {@code tool_choice} "auto" or absent) gets tool
 *     calls instead of text; {@code tool_choice: "required"} or a named function always does, "none" never
 * @param parallel how many calls one answer makes (at most the number of tools offered, unless the request
 *     names one function or sets {@code parallel_tool_calls: false}, which give one)
 * @param argumentCharsPerChunk size of each {@code arguments} fragment, in characters
 */
public record ToolCallSettings(double probability, int parallel, Distribution argumentCharsPerChunk) {

    public ToolCallSettings {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("tool_calls.probability must be in [0, 1], got " + probability);
        }
        if (parallel < 1 || parallel > 16) {
            throw new IllegalArgumentException("tool_calls.parallel must be in [1, 16], got " + parallel);
        }
        if (argumentCharsPerChunk == null) {
            throw new IllegalArgumentException("tool_calls.argument_chars_per_chunk is required");
        }
    }
}
