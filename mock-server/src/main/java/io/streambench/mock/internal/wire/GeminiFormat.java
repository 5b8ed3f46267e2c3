package io.streambench.mock.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streambench.mock.internal.profile.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Google Gemini ({@code POST /v1beta/models/{model}:streamGenerateContent?alt=sse} and
 * {@code :generateContent}): CRLF-framed {@code data:} streams ({@link GeminiEvents}), one pretty-printed
 * {@code GenerateContentResponse} for the non-streaming method, and Google's error object
 * {@code {"error": {"code", "message", "status"}}}.
 */
final class GeminiFormat extends WireFormat {

    static final GeminiFormat INSTANCE = new GeminiFormat();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=UTF-8";

    private GeminiFormat() {
    }

    @Override
    EventEncoder newEncoder(StreamPlan plan, SseEvents sse, StreamPlan.Randoms random) {
        return new GeminiEvents(plan, sse);
    }

    @Override
    boolean crlfLineEnds() {
        return true;
    }

    /** The whole answer: the stream's parts joined into one candidate, with its finish and the final usage. */
    @Override
    public String completion(StreamPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        ArrayNode parts = content.putArray("parts");
        StreamPlan.ChoicePlan c = plan.choices.get(0);
        StreamPlan.Randoms random = plan.newRandoms();
        try {
            if (c.reasoningTokens() > 0 && plan.reasoningShown) {
                parts.addObject().put("text", StreamPlan.reasoningText(c, random)).put("thought", true);
            }
            if (c.toolCalls().isEmpty()) {
                parts.addObject().put("text", plan.text(c, random));
            } else {
                for (int i = 0; i < c.toolCalls().size(); i++) {
                    parts.add(JSON.readTree(functionCallPart(plan, c.toolCalls().get(i), i == 0)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        content.put("role", "model");
        candidate.put("finishReason", c.finish() == StreamPlan.Finish.LENGTH ? "MAX_TOKENS" : "STOP");
        candidate.put("index", 0);
        // candidatesTokenCount leaves the thoughts out; the total counts them.
        long thoughts = plan.reasoningTokens();
        long candidates = plan.completionTokens() - thoughts;
        ObjectNode usage = root.putObject("usageMetadata");
        usage.put("promptTokenCount", plan.promptTokens);
        if (candidates > 0) {
            usage.put("candidatesTokenCount", candidates);
        }
        usage.put("totalTokenCount", plan.promptTokens + candidates + thoughts);
        if (plan.cachedTokens > 0) {
            usage.put("cachedContentTokenCount", plan.cachedTokens);
        }
        usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", plan.promptTokens);
        if (plan.cachedTokens > 0) {
            usage.putArray("cacheTokensDetails").addObject().put("modality", "TEXT")
                    .put("tokenCount", plan.cachedTokens);
        }
        if (thoughts > 0) {
            usage.put("thoughtsTokenCount", thoughts);
        }
        root.put("modelVersion", plan.model);
        root.put("responseId", responseId(plan));
        return GoogleJson.pretty(root);
    }

    @Override
    public String errorBody(int status, String message, String param, String code) {
        return errorJson(status, message, statusName(status), true);
    }

    @Override
    public void responseHeaders(boolean stream, String requestId, BiConsumer<String, String> header) {
        if (stream) {
            header.accept("content-type", "text/event-stream");
            header.accept("content-disposition", "attachment");
        } else {
            header.accept("content-type", JSON_TYPE);
        }
    }

    /** The answer's id, the same on every event: 24 letters and digits. */
    static String responseId(StreamPlan plan) {
        return plan.key.substring(0, 24);
    }

    /**
     * A {@code functionCall} part in the form of Gemini 3 models: arguments whole, an {@code id}, and on the
     * answer's first part a {@code thoughtSignature} (opaque bytes the client sends back).
     */
    static String functionCallPart(StreamPlan plan, StreamPlan.ToolCallPlan call, boolean first) {
        String part = "{\"functionCall\": {\"name\": \"" + JsonText.escape(call.name()) + "\",\"args\": "
                + GoogleJson.compact(call.arguments()) + ",\"id\": \"" + call.key().substring(0, 8).toLowerCase(Locale.ROOT)
                + "\"}";
        if (first) {
            part += ",\"thoughtSignature\": \"" + Base64.getEncoder().encodeToString(
                    ("streambench mock signature " + plan.key).getBytes(StandardCharsets.US_ASCII)) + "\"";
        }
        return part + "}";
    }

    /** Google's error object; pretty-printed as an HTTP error body, on one line as a stream event. */
    static String errorJson(int code, String message, String status, boolean pretty) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("code", code).put("message", message).put("status", status);
        return pretty ? GoogleJson.pretty(root) : GoogleJson.compact(root);
    }

    /** The canonical status Google names an HTTP status with. */
    static String statusName(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 499 -> "CANCELLED";
            case 501 -> "NOT_IMPLEMENTED";
            case 503, 529 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }

    /** The HTTP status of a canonical status name (500 for names it does not know). */
    static int httpStatusOf(String status) {
        return switch (status) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> 400;
            case "UNAUTHENTICATED" -> 401;
            case "PERMISSION_DENIED" -> 403;
            case "NOT_FOUND" -> 404;
            case "ABORTED", "ALREADY_EXISTS" -> 409;
            case "RESOURCE_EXHAUSTED" -> 429;
            case "CANCELLED" -> 499;
            case "NOT_IMPLEMENTED" -> 501;
            case "UNAVAILABLE" -> 503;
            case "DEADLINE_EXCEEDED" -> 504;
            default -> 500;
        };
    }
}
