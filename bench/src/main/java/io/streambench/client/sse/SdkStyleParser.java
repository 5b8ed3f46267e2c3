package io.streambench.client.sse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * {@code sdk-style}, the baseline: what the official openai-java SDK does with a stream. Its
 * {@code StreamHandler} reads the body with {@code BufferedReader.lineSequence()}, its
 * {@code SseState} builds each message from {@code String} lines, {@code SseMessage} runs
 * {@code readTree} on the data and checks for {@code error}, and the tree is then bound to a
 * typed {@code ChatCompletionChunk} with Jackson databind. Here: {@link Utf8LineReader},
 * {@link SseLineFramer}, {@code readTree}, {@code treeToValue} to {@link SdkChunk}.
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

    private final SseListener listener;
    private final Utf8LineReader reader;
    private long arrivalNanos;

    SdkStyleParser(SseListener listener) {
        this.listener = listener;
        SseLineFramer framer = new SseLineFramer(new SseLineFramer.Events() {
            @Override
            public void onEvent(String data) {
                onData(data);
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
    }

    private void onData(String data) {
        if (data.startsWith("[DONE]")) {
            listener.onDone(arrivalNanos);
            return;
        }
        SdkChunk chunk;
        try {
            JsonNode tree = MAPPER.readTree(data);
            if (tree == null || !tree.isObject()) {
                throw new MalformedDataException("top-level value is not an object");
            }
            JsonNode error = tree.get("error");
            if (error != null && !error.isNull()) {
                listener.onError(apiError(error), arrivalNanos);
                return;
            }
            chunk = MAPPER.treeToValue(tree, SdkChunk.class);
            checkNoNullElements(chunk);
        } catch (Exception e) {
            listener.onError(StreamError.malformed(MalformedDataException.reason(e)), arrivalNanos);
            return;
        }
        emit(chunk);
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
        return new StreamError(StreamError.Kind.API, body.message() == null ? "" : body.message(), body.type(), code);
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

    private void emit(SdkChunk chunk) {
        if (chunk.choices() != null) {
            for (SdkChunk.Choice choice : chunk.choices()) {
                SdkChunk.Delta delta = choice.delta();
                if (delta != null) {
                    if (delta.role() != null) {
                        listener.onRole(choice.index(), delta.role(), arrivalNanos);
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
                if (choice.finishReason() != null) {
                    listener.onFinish(choice.index(), choice.finishReason(), arrivalNanos);
                }
            }
        }
        SdkChunk.Usage usage = chunk.usage();
        if (usage != null) {
            listener.onUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(), arrivalNanos);
        }
    }
}
