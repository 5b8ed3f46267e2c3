package io.streambench.client.sse;

import static io.streambench.client.sse.RecordedStreams.apiError;
import static io.streambench.client.sse.RecordedStreams.content;
import static io.streambench.client.sse.RecordedStreams.done;
import static io.streambench.client.sse.RecordedStreams.end;
import static io.streambench.client.sse.RecordedStreams.finish;
import static io.streambench.client.sse.RecordedStreams.reasoning;
import static io.streambench.client.sse.RecordedStreams.role;
import static io.streambench.client.sse.RecordedStreams.tool;
import static io.streambench.client.sse.RecordedStreams.usage;

import io.streambench.client.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded stream of every case of every dialect ({@code src/test/resources/streams/}, byte for byte as
 * each API sends it; see the README there), each with the events every parser must report, written out by
 * hand from the file. Then {@link DialectFraming}'s streams, which put each dialect's framing and JSON in the
 * places that break naive clients.
 */
final class DialectStreams {

    private static final TokenUsage.Source CHUNK = TokenUsage.Source.CHUNK_USAGE;
    private static final TokenUsage.Source RESPONSE = TokenUsage.Source.RESPONSE_USAGE;
    private static final TokenUsage.Source START = TokenUsage.Source.MESSAGE_START;
    private static final TokenUsage.Source DELTA = TokenUsage.Source.MESSAGE_DELTA;
    private static final TokenUsage.Source METADATA = TokenUsage.Source.USAGE_METADATA;

    private DialectStreams() {
    }

    static List<RecordedStreams.Case> all() {
        List<RecordedStreams.Case> cases = new ArrayList<>();
        cases.addAll(chat());
        cases.addAll(completions());
        cases.addAll(responses());
        cases.addAll(messages());
        cases.addAll(gemini());
        cases.addAll(DialectFraming.all());
        return cases;
    }

    static List<RecordedStreams.Case> small() {
        return DialectFraming.small();
    }

    private static List<RecordedStreams.Case> chat() {
        Api api = Api.CHAT;
        return List.of(
                recorded(api, "text", role(0, "assistant"), content(0, "The"), content(0, " tide"),
                        content(0, " turns"), content(0, " twice"), content(0, " a"), content(0, " day"),
                        content(0, "."), finish(0, "stop"), usage(CHUNK, 14, 7, 0, 0, 21), done()),
                recorded(api, "tools-parallel", role(0, "assistant"),
                        tool(0, 0, "call_R4nd0mT0k3nA1b2C3d4E5f6", "get_weather", ""),
                        tool(0, 0, null, null, "{\"ci"), tool(0, 0, null, null, "ty\": \""),
                        tool(0, 0, null, null, "Lis"), tool(0, 0, null, null, "bon\", \"un"),
                        tool(0, 0, null, null, "it\": \"c\"}"),
                        tool(0, 1, "call_Z9y8X7w6V5u4T3s2R1q0P9o8", "get_time", ""),
                        tool(0, 1, null, null, "{\"tz"), tool(0, 1, null, null, "\": \"Europe/"),
                        tool(0, 1, null, null, "Lisbon\"}"),
                        finish(0, "tool_calls"), usage(CHUNK, 96, 41, 0, 0, 137), done()),
                recorded(api, "reasoning-content", role(0, "assistant"), reasoning(0, "The user"),
                        reasoning(0, " wants"), reasoning(0, " 17 times"), reasoning(0, " 23."),
                        reasoning(0, " 17*20=340,"), reasoning(0, " 17*3=51,"), reasoning(0, " sum 391."),
                        content(0, "17"), content(0, " × 23"), content(0, " = 391"), content(0, "."),
                        finish(0, "stop"), usage(CHUNK, 12, 11, 7, 0, 23), done()),
                recorded(api, "reasoning", role(0, "assistant"), reasoning(0, "Two"), reasoning(0, " primes"),
                        reasoning(0, " below"), reasoning(0, " ten:"), reasoning(0, " 2,"), reasoning(0, " 3,"),
                        reasoning(0, " 5,"), reasoning(0, " 7."), content(0, "There"), content(0, " are"),
                        content(0, " four"), content(0, "."), finish(0, "stop"), usage(CHUNK, 15, 12, 8, 0, 27),
                        done()),
                recorded(api, "error-midstream", role(0, "assistant"), content(0, "Half"), content(0, " an"),
                        apiError("The server had an error while processing your request. Sorry about that!",
                                "server_error", null),
                        done()));
    }

    private static List<RecordedStreams.Case> completions() {
        Api api = Api.COMPLETIONS;
        return List.of(
                recorded(api, "text", content(0, " a"), content(0, " quiet"), content(0, " harbour"),
                        content(0, " at"), content(0, " dawn"), content(0, ","), finish(0, "length"),
                        usage(CHUNK, 5, 6, 0, 0, 11), done()),
                recorded(api, "error-midstream", content(0, " a"), content(0, " quiet"),
                        apiError("The engine stopped while generating this completion.", "InternalServerError",
                                "500"),
                        done()));
    }

    private static List<RecordedStreams.Case> responses() {
        Api api = Api.RESPONSES;
        StreamEvent completed = end(StreamEnd.RESPONSE_COMPLETED);
        return List.of(
                recorded(api, "text", role(0, "assistant"), content(0, "Fog"), content(0, " rolls"),
                        content(0, " in"), content(0, " at"), content(0, " noon"), content(0, "."),
                        finish(0, "completed"), usage(RESPONSE, 18, 6, 0, 0, 24), completed),
                recorded(api, "tools-parallel",
                        tool(0, 0, "call_Lq2Wn8Rt5Yb1Xc4Vz7Ma0Ps3", "get_weather", ""),
                        tool(0, 0, null, null, "{\""), tool(0, 0, null, null, "city"),
                        tool(0, 0, null, null, "\":\""), tool(0, 0, null, null, "Lis"),
                        tool(0, 0, null, null, "bon\"}"),
                        tool(0, 1, "call_Ha6Jd9Kf2Gs5Lq8Wz1Xc4Vb7", "get_time", ""),
                        tool(0, 1, null, null, "{\""), tool(0, 1, null, null, "tz"),
                        tool(0, 1, null, null, "\":\"Europe/"), tool(0, 1, null, null, "Lisbon\"}"),
                        finish(0, "completed"), usage(RESPONSE, 84, 38, 0, 0, 122), completed),
                recorded(api, "reasoning", reasoning(0, "**Checking"), reasoning(0, " the"),
                        reasoning(0, " sum**\n\n"), reasoning(0, "Adding"), reasoning(0, " 17"), reasoning(0, " and"),
                        reasoning(0, " 25"), reasoning(0, " gives"), reasoning(0, " 42."), role(0, "assistant"),
                        content(0, "17"), content(0, " +"), content(0, " 25"), content(0, " ="), content(0, " 42"),
                        content(0, "."), finish(0, "completed"), usage(RESPONSE, 21, 206, 200, 0, 227), completed),
                recorded(api, "error-event", role(0, "assistant"), content(0, "Fog"),
                        apiError("The server had an error while processing your request.", "server_error",
                                "server_error")),
                recorded(api, "failed", apiError("The model failed to generate a response.", null, "server_error"),
                        end(StreamEnd.RESPONSE_FAILED)));
    }

    private static List<RecordedStreams.Case> messages() {
        Api api = Api.MESSAGES;
        StreamEvent stop = end(StreamEnd.MESSAGE_STOP);
        return List.of(
                recorded(api, "text", role(0, "assistant"), usage(START, 21, 1, 0, 0, 0), content(0, "Fog"),
                        content(0, " rolls"), content(0, " in"), content(0, " at"), content(0, " noon"),
                        content(0, "."), finish(0, "end_turn"), usage(DELTA, 0, 9, 0, 0, 0), stop),
                recorded(api, "tools-parallel", role(0, "assistant"), usage(START, 412, 1, 0, 0, 0),
                        content(0, "I'll"), content(0, " check"), content(0, " both."),
                        tool(0, 1, "toolu_01Ab2Cd3Ef4Gh5Ij6Kl7Mn8O", "get_weather", null),
                        tool(0, 1, null, null, ""), tool(0, 1, null, null, "{\"city\": "),
                        tool(0, 1, null, null, "\"Lis"), tool(0, 1, null, null, "bon\"}"),
                        tool(0, 2, "toolu_01Pq9Rs8Tu7Vw6Xy5Za4Bc3D", "get_time", null),
                        tool(0, 2, null, null, ""), tool(0, 2, null, null, "{\"tz\": \"Eur"),
                        tool(0, 2, null, null, "ope/Lisbon\"}"),
                        finish(0, "tool_use"), usage(DELTA, 0, 97, 0, 0, 0), stop),
                recorded(api, "thinking", role(0, "assistant"), usage(START, 46, 1, 0, 0, 0),
                        reasoning(0, "Add 17 and 25."), reasoning(0, " 17 + 25 = 42."),
                        reasoning(0, " Check: 42 - 25 = 17."), content(0, "17"), content(0, " + 25"),
                        content(0, " = 42."), finish(0, "end_turn"), usage(DELTA, 0, 58, 41, 0, 0), stop),
                recorded(api, "error-midstream", role(0, "assistant"), usage(START, 21, 1, 0, 0, 0),
                        content(0, "Fog"), apiError("Overloaded", "overloaded_error", null)));
    }

    private static List<RecordedStreams.Case> gemini() {
        Api api = Api.GEMINI;
        StreamEvent bodyEnd = end(StreamEnd.BODY_END);
        // usageMetadata's candidatesTokenCount is the answer only: the output adds thoughtsTokenCount.
        return List.of(
                recorded(api, "text", content(0, "Fog rolls in over the bay"), usage(METADATA, 9, 6 + 27, 27, 0, 42),
                        content(0, " at noon, and the foghorns"), usage(METADATA, 9, 12 + 27, 27, 0, 48),
                        content(0, " answer each other."), finish(0, "STOP"), usage(METADATA, 9, 16 + 27, 27, 0, 52),
                        bodyEnd),
                recorded(api, "thinking",
                        reasoning(0, "**Adding the numbers**\n\nI need 17 plus 25, then a check by subtraction.\n\n\n"),
                        usage(METADATA, 14, 96, 96, 0, 110),
                        reasoning(0, "**Checking**\n\n42 minus 25 is 17, so the sum holds.\n\n\n"),
                        usage(METADATA, 14, 183, 183, 0, 197),
                        content(0, "17 + 25"), usage(METADATA, 14, 4 + 183, 183, 0, 201),
                        content(0, " = 42."), finish(0, "STOP"), usage(METADATA, 14, 8 + 183, 183, 0, 205), bodyEnd),
                recorded(api, "tools-parallel", tool(0, 0, null, "get_weather", "{\"city\":\"Lisbon\"}"),
                        tool(0, 1, null, "get_time", "{\"tz\":\"Europe/Lisbon\"}"), finish(0, "STOP"),
                        usage(METADATA, 120, 31 + 64, 64, 0, 215), bodyEnd),
                recorded(api, "tools-parallel-ids", tool(0, 0, "k3v9q2zt", "get_weather", "{\"city\":\"Lisbon\"}"),
                        usage(METADATA, 118, 14 + 40, 40, 0, 172),
                        tool(0, 1, "w8m1r5xc", "get_time", "{\"tz\":\"Europe/Lisbon\"}"),
                        usage(METADATA, 118, 29 + 40, 40, 0, 187),
                        finish(0, "STOP"), usage(METADATA, 118, 29 + 40, 40, 0, 187), bodyEnd),
                recorded(api, "error-midstream", content(0, "Fog rolls in over the bay"),
                        usage(METADATA, 9, 6 + 27, 27, 0, 42),
                        apiError("The model is overloaded. Please try again later.", "UNAVAILABLE", "503")));
    }

    private static RecordedStreams.Case recorded(Api api, String name, StreamEvent... expected) {
        return new RecordedStreams.Case(name, api, resource(api.label() + "/" + name + ".sse"), List.of(expected));
    }

    /** A file of {@code src/test/resources/streams/}, as bytes. */
    static byte[] resource(String path) {
        try (InputStream in = DialectStreams.class.getResourceAsStream("/streams/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no recorded stream streams/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
