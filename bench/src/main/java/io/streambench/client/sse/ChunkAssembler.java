package io.streambench.client.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads the tokens of one chunk from any Jackson parser into a {@link ChunkScratch}, one token
 * at a time, so that the same code serves a blocking parser over a whole event and a
 * non-blocking parser fed as bytes arrive. Field names and string values are read as char
 * ranges: nothing is allocated per token.
 *
 * <p>It keeps what the listener needs and skips the rest (unknown fields, whole unknown
 * subtrees). A known field with the wrong JSON type makes the chunk malformed.
 */
final class ChunkAssembler {

    // Where we are: one entry per open object or array that we understand.
    private static final int ROOT = 0;
    private static final int CHOICES = 1;
    private static final int CHOICE = 2;
    private static final int DELTA = 3;
    private static final int TOOL_CALLS = 4;
    private static final int TOOL_CALL = 5;
    private static final int FUNCTION = 6;
    private static final int USAGE = 7;
    private static final int ERROR = 8;

    // What the last field name meant in its object.
    private static final int F_OTHER = 0;
    private static final int F_CHOICES = 1;
    private static final int F_USAGE = 2;
    private static final int F_ERROR = 3;
    private static final int F_INDEX = 4;
    private static final int F_DELTA = 5;
    private static final int F_FINISH_REASON = 6;
    private static final int F_ROLE = 7;
    private static final int F_CONTENT = 8;
    private static final int F_TOOL_CALLS = 9;
    private static final int F_ID = 10;
    private static final int F_FUNCTION = 11;
    private static final int F_NAME = 12;
    private static final int F_ARGUMENTS = 13;
    private static final int F_PROMPT_TOKENS = 14;
    private static final int F_COMPLETION_TOKENS = 15;
    private static final int F_TOTAL_TOKENS = 16;
    private static final int F_MESSAGE = 17;
    private static final int F_TYPE = 18;
    private static final int F_CODE = 19;

    private final ChunkScratch scratch;
    private final int[] stack = new int[8];
    private int depth;
    private int skipDepth;
    private int field;
    private boolean started;
    private ChunkScratch.Choice choice;
    private ChunkScratch.ToolCall call;

    ChunkAssembler(ChunkScratch scratch) {
        this.scratch = scratch;
    }

    ChunkScratch scratch() {
        return scratch;
    }

    /** Starts a new chunk. */
    void begin() {
        scratch.reset();
        depth = 0;
        skipDepth = 0;
        started = false;
    }

    /** True once the chunk's first token has been accepted. */
    boolean started() {
        return started;
    }

    /** Reads exactly one JSON object from a blocking parser, and nothing after it. */
    void readValue(JsonParser parser) throws IOException {
        begin();
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (accept(token, parser)) {
                if (parser.nextToken() != null) {
                    throw new MalformedDataException("data after the JSON object");
                }
                return;
            }
        }
        throw new MalformedDataException(started ? "JSON object ends early" : "no JSON value");
    }

    /**
     * Takes the parser's current token. Returns true when it closed the top-level object.
     *
     * @throws MalformedDataException if the value is not a chunk
     */
    boolean accept(JsonToken token, JsonParser parser) throws IOException {
        if (skipDepth > 0) {
            if (token.isStructStart()) {
                skipDepth++;
            } else if (token.isStructEnd()) {
                skipDepth--;
            }
            return false;
        }
        if (depth == 0) {
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedDataException("top-level value is " + token + ", not an object");
            }
            started = true;
            push(ROOT);
            return false;
        }
        int context = stack[depth - 1];
        switch (token) {
            case FIELD_NAME:
                field = fieldOf(context, parser.currentName());
                return false;
            case END_OBJECT:
            case END_ARRAY:
                depth--;
                return depth == 0;
            default:
                value(context, token, parser);
                return false;
        }
    }

    private void value(int context, JsonToken token, JsonParser parser) throws IOException {
        if (context == CHOICES) {
            expect(token == JsonToken.START_OBJECT, "choices[]", token);
            choice = scratch.addChoice();
            push(CHOICE);
            return;
        }
        if (context == TOOL_CALLS) {
            expect(token == JsonToken.START_OBJECT, "tool_calls[]", token);
            call = choice.addToolCall();
            push(TOOL_CALL);
            return;
        }
        boolean isNull = token == JsonToken.VALUE_NULL;
        switch (field) {
            case F_CHOICES -> open(token, JsonToken.START_ARRAY, CHOICES, "choices");
            case F_DELTA -> open(token, JsonToken.START_OBJECT, DELTA, "delta");
            case F_TOOL_CALLS -> open(token, JsonToken.START_ARRAY, TOOL_CALLS, "tool_calls");
            case F_FUNCTION -> open(token, JsonToken.START_OBJECT, FUNCTION, "function");
            case F_USAGE -> scratch.hasUsage = open(token, JsonToken.START_OBJECT, USAGE, "usage");
            case F_ERROR -> {
                if (token == JsonToken.VALUE_STRING) {
                    // Some providers send {"error": "text"}.
                    scratch.hasError = true;
                    text(parser, scratch.errorMessage);
                } else {
                    scratch.hasError = open(token, JsonToken.START_OBJECT, ERROR, "error");
                }
            }
            case F_INDEX -> {
                int index = isNull ? 0 : intValue(token, parser, "index");
                if (context == CHOICE) {
                    choice.index = index;
                } else {
                    call.index = index;
                }
            }
            case F_FINISH_REASON -> choice.hasFinishReason = string(token, parser, choice.finishReason, "finish_reason");
            case F_ROLE -> choice.hasRole = string(token, parser, choice.role, "role");
            case F_CONTENT -> choice.hasContent = string(token, parser, choice.content, "content");
            case F_ID -> call.hasId = string(token, parser, call.id, "id");
            case F_NAME -> call.hasName = string(token, parser, call.name, "name");
            case F_ARGUMENTS -> call.hasArguments = string(token, parser, call.arguments, "arguments");
            case F_PROMPT_TOKENS -> scratch.promptTokens = isNull ? 0 : longValue(token, parser, "prompt_tokens");
            case F_COMPLETION_TOKENS ->
                    scratch.completionTokens = isNull ? 0 : longValue(token, parser, "completion_tokens");
            case F_TOTAL_TOKENS -> scratch.totalTokens = isNull ? 0 : longValue(token, parser, "total_tokens");
            case F_MESSAGE -> {
                if (!string(token, parser, scratch.errorMessage, "message")) {
                    scratch.errorMessage.clear();
                }
            }
            case F_TYPE -> scratch.hasErrorType = string(token, parser, scratch.errorType, "type");
            case F_CODE -> {
                // The code is a string for OpenAI and a number for some compatible servers.
                if (token.isNumeric()) {
                    scratch.errorCode.set(parser.getText());
                    scratch.hasErrorCode = true;
                } else {
                    scratch.hasErrorCode = string(token, parser, scratch.errorCode, "code");
                }
            }
            default -> {
                if (token.isStructStart()) {
                    skipDepth = 1;
                }
            }
        }
    }

    private static int fieldOf(int context, String name) {
        return switch (context) {
            case ROOT -> switch (name) {
                case "choices" -> F_CHOICES;
                case "usage" -> F_USAGE;
                case "error" -> F_ERROR;
                default -> F_OTHER;
            };
            case CHOICE -> switch (name) {
                case "index" -> F_INDEX;
                case "delta" -> F_DELTA;
                case "finish_reason" -> F_FINISH_REASON;
                default -> F_OTHER;
            };
            case DELTA -> switch (name) {
                case "role" -> F_ROLE;
                case "content" -> F_CONTENT;
                case "tool_calls" -> F_TOOL_CALLS;
                default -> F_OTHER;
            };
            case TOOL_CALL -> switch (name) {
                case "index" -> F_INDEX;
                case "id" -> F_ID;
                case "function" -> F_FUNCTION;
                default -> F_OTHER;
            };
            case FUNCTION -> switch (name) {
                case "name" -> F_NAME;
                case "arguments" -> F_ARGUMENTS;
                default -> F_OTHER;
            };
            case USAGE -> switch (name) {
                case "prompt_tokens" -> F_PROMPT_TOKENS;
                case "completion_tokens" -> F_COMPLETION_TOKENS;
                case "total_tokens" -> F_TOTAL_TOKENS;
                default -> F_OTHER;
            };
            case ERROR -> switch (name) {
                case "message" -> F_MESSAGE;
                case "type" -> F_TYPE;
                case "code" -> F_CODE;
                default -> F_OTHER;
            };
            default -> F_OTHER;
        };
    }

    /** Opens a known container, or accepts null; returns whether it opened. */
    private boolean open(JsonToken token, JsonToken expected, int context, String name) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(token == expected, name, token);
        push(context);
        return true;
    }

    /** Reads a string or null into {@code into}; returns whether it was a string. */
    private static boolean string(JsonToken token, JsonParser parser, CharSlice into, String name) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(token == JsonToken.VALUE_STRING, name, token);
        text(parser, into);
        return true;
    }

    private static void text(JsonParser parser, CharSlice into) throws IOException {
        into.set(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    private static int intValue(JsonToken token, JsonParser parser, String name) throws IOException {
        expect(token == JsonToken.VALUE_NUMBER_INT, name, token);
        return parser.getIntValue();
    }

    private static long longValue(JsonToken token, JsonParser parser, String name) throws IOException {
        expect(token == JsonToken.VALUE_NUMBER_INT, name, token);
        return parser.getLongValue();
    }

    private void push(int context) {
        stack[depth++] = context;
    }

    private static void expect(boolean ok, String name, JsonToken actual) throws MalformedDataException {
        if (!ok) {
            throw wrongType(name, actual);
        }
    }

    private static MalformedDataException wrongType(String name, JsonToken actual) {
        return new MalformedDataException("field=" + name + " has unexpected " + actual);
    }
}
