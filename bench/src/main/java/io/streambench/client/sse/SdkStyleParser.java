package io.streambench.client.sse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.streambench.client.Api;

import java.util.List;

/**
 * {@code sdk-style}, the baseline: what the official openai-java SDK does with a stream. Its
 * {@code StreamHandler} reads the body with {@code BufferedReader.lineSequence()}, its
 * {@code SseState} builds each message from {@code String} lines, {@code SseMessage} runs
 * {@code readTree} on the data and checks for {@code error}, and the tree is then bound to a
 * typed {@code ChatCompletionChunk} with Jackson databind. Here: {@link Utf8LineReader},
 * {@link SseLineFramer}, {@code readTree}, {@code treeToValue} to {@link SdkChunk}. The other dialects'
 * SDKs (anthropic-java, google-genai, openai-java's Responses) work the same way; their events are bound
 * to {@link SdkResponsesEvent}, {@link SdkMessagesEvent} and {@link SdkGeminiResponse}, whose fields then
 * go through the dialect's {@link EventScratch}, so that what a listener hears is decided in one place.
 *
 * <p>Where the SDK departs from the spec this parser does not, so that it passes the shared
 * suite: it drops a leading BOM (the SDK's reader keeps it, so the SDK loses the first event
 * of a stream that has one), reports comments, rejects data after the JSON value, and goes on
 * after {@code [DONE]} and after malformed data (the SDK stops and throws).
 */
final class SdkStyleParser implements SseParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Api api;
    private final SseListener listener;
    private final boolean endsWithDone;
    private final Utf8LineReader reader;
    private final UsageCounts usage = new UsageCounts();
    // The dialect's scratch, for the dialects other than chat and legacy completions.
    private final EventScratch scratch;
    private long arrivalNanos;

    SdkStyleParser(Api api, SseListener listener) {
        this.api = api;
        this.listener = listener;
        this.endsWithDone = EventGate.endsWithDone(api);
        this.scratch = switch (api) {
            case CHAT, COMPLETIONS -> null;
            case RESPONSES -> new ResponsesScratch();
            case MESSAGES -> new MessagesScratch();
            case GEMINI -> new GeminiScratch();
        };
        SseLineFramer framer = new SseLineFramer(new SseLineFramer.Events() {
            @Override
            public void onEvent(String eventType, String data) {
                onData(eventType, data);
            }

            @Override
            public void onComment(String text) {
                SdkStyleParser.this.listener.onComment(text, arrivalNanos);
            }
        });
        this.reader = new Utf8LineReader(framer::onLine);
    }

    @Override
    public void feed(byte[] bytes, int offset, int length, long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        reader.feed(bytes, offset, length);
    }

    @Override
    public void end(long arrivalNanos) {
        this.arrivalNanos = arrivalNanos;
        reader.end();
        if (scratch != null) {
            scratch.endOfBody(listener, arrivalNanos);
        }
    }

    private void onData(String eventType, String data) {
        if (!EventGate.decodes(api, eventType)) {
            return;
        }
        if (endsWithDone && data.startsWith("[DONE]")) {
            listener.onEnd(StreamEnd.DONE, arrivalNanos);
            return;
        }
        SdkChunk chunk = null;
        JsonNode tree;
        try {
            tree = MAPPER.readTree(data);
            if (tree == null || !tree.isObject()) {
                throw new MalformedDataException("top-level value is not an object");
            }
            JsonNode error = tree.get("error");
            if (error != null && !error.isNull()) {
                listener.onError(apiError(error), arrivalNanos);
                return;
            }
            if (scratch == null) {
                chunk = MAPPER.treeToValue(tree, SdkChunk.class);
                checkNoNullElements(chunk);
                SdkChunkExtras.check(tree);
            } else {
                bind(tree);
            }
        } catch (Exception e) {
            listener.onError(StreamError.malformed(MalformedDataException.reason(e)), arrivalNanos);
            return;
        }
        if (chunk != null) {
            emit(chunk, tree);
        } else {
            scratch.emitTo(listener, eventType, arrivalNanos);
        }
    }

    /** Binds the event to the dialect's typed event, as its SDK does, and puts its fields in the scratch. */
    private void bind(JsonNode tree) throws Exception {
        scratch.reset();
        if (scratch instanceof ResponsesScratch responses) {
            MAPPER.treeToValue(tree, SdkResponsesEvent.class).fill(responses);
        } else if (scratch instanceof MessagesScratch messages) {
            MAPPER.treeToValue(tree, SdkMessagesEvent.class).fill(messages);
        } else {
            MAPPER.treeToValue(tree, SdkGeminiResponse.class).fill((GeminiScratch) scratch, MAPPER);
        }
    }

    private StreamError apiError(JsonNode error) throws Exception {
        if (error.isTextual()) {
            return new StreamError(StreamError.Kind.API, error.textValue(), null, null);
        }
        if (!error.isObject()) {
            throw new MalformedDataException("field=error has unexpected " + error.getNodeType());
        }
        SdkChunk.Error body = MAPPER.treeToValue(error, SdkChunk.Error.class);
        String code = body.code() == null || body.code().isNull() ? null : body.code().asText();
        // Google names the error's kind "status".
        String type = body.type() != null ? body.type() : body.status();
        return new StreamError(StreamError.Kind.API, body.message() == null ? "" : body.message(), type, code);
    }

    private static void checkNoNullElements(SdkChunk chunk) throws MalformedDataException {
        if (chunk.choices() == null) {
            return;
        }
        for (SdkChunk.Choice choice : chunk.choices()) {
            if (choice == null) {
                throw new MalformedDataException("field=choices[] has unexpected VALUE_NULL");
            }
            List<SdkChunk.ToolCall> calls = choice.delta() == null ? null : choice.delta().toolCalls();
            if (calls != null && calls.contains(null)) {
                throw new MalformedDataException("field=tool_calls[] has unexpected VALUE_NULL");
            }
        }
    }

    private void emit(SdkChunk chunk, JsonNode tree) {
        try {
            if (chunk.choices() != null) {
                for (int c = 0; c < chunk.choices().size(); c++) {
                    emit(chunk.choices().get(c), tree, c);
                }
            }
            SdkChunk.Usage usage = chunk.usage();
            if (usage != null) {
                listener.onUsage(SdkChunkExtras.usage(usage, tree, this.usage), arrivalNanos);
            }
        } catch (MalformedDataException checkedBefore) {
            throw new IllegalStateException("SdkChunkExtras.check let a wrong type through", checkedBefore);
        }
    }

    private void emit(SdkChunk.Choice choice, JsonNode tree, int c) throws MalformedDataException {
        SdkChunk.Delta delta = choice.delta();
        if (delta != null) {
            if (delta.role() != null) {
                listener.onRole(choice.index(), delta.role(), arrivalNanos);
            }
            String reasoning = SdkChunkExtras.reasoning(tree, c);
            if (reasoning != null && !reasoning.isEmpty()) {
                listener.onReasoning(choice.index(), reasoning, arrivalNanos);
            }
            if (delta.content() != null && !delta.content().isEmpty()) {
                listener.onContent(choice.index(), delta.content(), arrivalNanos);
            }
            if (delta.toolCalls() != null) {
                for (SdkChunk.ToolCall call : delta.toolCalls()) {
                    SdkChunk.Function function = call.function();
                    listener.onToolCall(choice.index(), call.index(), call.id(),
                            function == null ? null : function.name(),
                            function == null ? null : function.arguments(), arrivalNanos);
                }
            }
        }
        String text = SdkChunkExtras.text(tree, c);
        if (text != null && !text.isEmpty()) {
            // legacy completions
            listener.onContent(choice.index(), text, arrivalNanos);
        }
        if (choice.finishReason() != null) {
            listener.onFinish(choice.index(), choice.finishReason(), arrivalNanos);
        }
    }
}
