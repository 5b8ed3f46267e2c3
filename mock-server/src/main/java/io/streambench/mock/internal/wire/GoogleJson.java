package io.streambench.mock.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * JSON as Google's servers write it, which changes the byte counts a benchmark sees: in stream events
 * {@code ": "} after every key and nothing after commas ({@code {"name": "f","args": {"a": 1}}}); a whole
 * answer pretty-printed with two-space indents and every array opened on its own lines.
 */
final class GoogleJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.NONE)
            .withArrayValueSpacing(Separators.Spacing.NONE)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    private static final ObjectWriter COMPACT = JSON.writer(new DefaultPrettyPrinter()
            .withSeparators(SEPARATORS)
            .withObjectIndenter(new DefaultIndenter("", ""))
            .withArrayIndenter(new DefaultIndenter("", "")));
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withSeparators(SEPARATORS)
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private GoogleJson() {
    }

    /** One line, in the spacing of stream events. */
    static String compact(JsonNode value) {
        return write(COMPACT, value);
    }

    /** Pretty-printed, as the non-streaming answer. */
    static String pretty(JsonNode value) {
        return write(PRETTY, value);
    }

    /** Compact JSON text (a tool call's arguments) in the spacing of stream events. */
    static String compact(String json) {
        try {
            return compact(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(ObjectWriter writer, JsonNode value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
