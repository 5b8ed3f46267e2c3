package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * The typed event {@code sdk-style} binds every Gemini event to, as google-genai binds a
 * {@code GenerateContentResponse} (only the fields a streaming client reads; unknown ones are ignored by
 * the mapper). A function call's {@code args} stays a tree, as the SDK keeps it as a map.
 */
record SdkGeminiResponse(List<Candidate> candidates, UsageMetadata usageMetadata) {

    record Candidate(Content content, String finishReason, int index) {
    }

    record Content(List<Part> parts, String role) {
    }

    record Part(String text, boolean thought, FunctionCall functionCall) {
    }

    record FunctionCall(String id, String name, JsonNode args) {
    }

    record UsageMetadata(long promptTokenCount, long candidatesTokenCount, long thoughtsTokenCount,
                         long cachedContentTokenCount, long totalTokenCount) {
    }

    /** Puts the fields into the dialect's scratch (reset), which decides what the listener hears. */
    void fill(GeminiScratch s, ObjectMapper mapper) throws JsonProcessingException, MalformedDataException {
        if (candidates != null) {
            for (Candidate candidate : candidates) {
                if (candidate == null) {
                    throw new MalformedDataException("field=candidates[] has unexpected VALUE_NULL");
                }
                ChunkScratch.Choice choice = s.addChoice();
                choice.index = candidate.index();
                choice.content.clear();
                choice.reasoning.clear();
                choice.finishReason.setOrAbsent(candidate.finishReason());
                if (candidate.content() != null && candidate.content().parts() != null) {
                    for (Part part : candidate.content().parts()) {
                        fill(choice, part, mapper);
                    }
                }
            }
        }
        if (usageMetadata != null) {
            s.set(usageMetadata.promptTokenCount(), 0, 0, usageMetadata.cachedContentTokenCount(),
                    usageMetadata.candidatesTokenCount(), usageMetadata.thoughtsTokenCount(), usageMetadata.totalTokenCount());
        }
    }

    private static void fill(ChunkScratch.Choice choice, Part part, ObjectMapper mapper)
            throws JsonProcessingException, MalformedDataException {
        if (part == null) {
            throw new MalformedDataException("field=parts[] has unexpected VALUE_NULL");
        }
        if (part.text() != null) {
            CharSlice into = part.thought() ? choice.reasoning : choice.content;
            for (int i = 0; i < part.text().length(); i++) {
                into.append(part.text().charAt(i));
            }
            into.present = true;
        }
        FunctionCall call = part.functionCall();
        if (call != null) {
            ChunkScratch.ToolCall into = choice.addToolCall();
            into.id.setOrAbsent(call.id());
            into.name.setOrAbsent(call.name());
            if (call.args() != null && !call.args().isNull()) {
                if (!call.args().isObject()) {
                    throw new MalformedDataException("field=args has unexpected " + call.args().getNodeType());
                }
                into.arguments.setOrAbsent(mapper.writeValueAsString(call.args()));
            }
        }
    }
}
