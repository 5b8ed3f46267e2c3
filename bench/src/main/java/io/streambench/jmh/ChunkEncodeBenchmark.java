package io.streambench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.streambench.mock.EncodedStream;
import io.streambench.mock.profile.ProfileLoader;
import io.streambench.mock.profile.RequestOverrides;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The mock server's hot path: encoding one content event of a stream into a buffer, in each API's format
 * ({@link #dialect}): a chat completions chunk ({@code data: {...}\n\n}), a Responses API
 * {@code response.output_text.delta} (an {@code event:} line, then its data with the item's id and a
 * {@code sequence_number}), a legacy {@code text_completion} chunk, an Anthropic {@code content_block_delta}
 * (an {@code event:} line, the block's index) or a Gemini {@code GenerateContentResponse} with its running
 * {@code usageMetadata} (CRLF line ends). One operation is one event, so
 * {@code gc.alloc.rate.norm} from {@code -prof gc} is bytes allocated per event.
 *
 * <p>{@link #templates} is what the server does: byte templates made once per stream with the
 * pre-escaped bytes of each token copied in between; it should allocate nothing per event in any format,
 * with or without {@code obfuscation} padding (which only the OpenAI APIs send) and {@code : t=} send stamps. {@link #jacksonTree} is the
 * obvious way (build the same event as a JSON tree, serialise it) kept beside it to show what the templates
 * save.
 *
 * <pre>
 * java -cp bench/target/streambench.jar org.openjdk.jmh.Main ChunkEncodeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
public class ChunkEncodeBenchmark extends BenchmarkDefaults {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The API whose events are encoded: {@code chat}, {@code responses}, {@code completions}, {@code messages}
     * (Anthropic) or {@code gemini}.
     */
    @Param({"chat", "completions", "responses", "messages", "gemini"})
    public String dialect;

    /** Length of the random {@code obfuscation} field per chunk; 0 leaves it out. */
    @Param({"0", "24"})
    public int paddingBytes;

    /** Whether each event is preceded by a {@code : t=<nanos>} send stamp. */
    @Param({"false", "true"})
    public boolean timestamps;

    private EncodedStream stream;
    private ByteBuf out;
    private long stamp;
    private int token;

    @Setup
    public void setUp() {
        // A stream long enough never to end during a measurement; it is started again if it does.
        stream = EncodedStream.of(dialect, ProfileLoader.builtins().named("instant"), "Tell me about streaming.",
                Map.of(RequestOverrides.OUTPUT_TOKENS, "1000000000", RequestOverrides.TOKENS_PER_CHUNK, "1",
                        RequestOverrides.PADDING_BYTES, Integer.toString(paddingBytes),
                        RequestOverrides.SEED, "42", RequestOverrides.TIMESTAMPS, Boolean.toString(timestamps)));
        out = Unpooled.directBuffer(64 * 1024);
        // The openings (the role chunk; response.created and the output item) and the first events: steady
        // state from here on.
        for (int i = 0; i < 2; i++) {
            out.clear();
            stream.writeStep(out, 0);
        }
    }

    @TearDown
    public void tearDown() {
        out.release();
    }

    @Benchmark
    public int templates() {
        out.clear();
        if (stream.finished()) {
            stream = stream.restart();
        }
        return stream.writeStep(out, ++stamp) + out.writerIndex();
    }

    @Benchmark
    public int jacksonTree() throws Exception {
        out.clear();
        ObjectNode chunk = event((token++ & 1) == 0 ? " stream" : " latency");
        if (paddingBytes > 0 && !dialect.equals("messages") && !dialect.equals("gemini")) {
            chunk.put("obfuscation", PAD.substring(0, paddingBytes));
        }
        if (dialect.equals("responses")) {
            chunk.put("sequence_number", token + 3);
        }
        byte[] lineEnd = dialect.equals("gemini") ? CRLF : LF;
        if (timestamps) {
            out.writeBytes(": t=".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(Long.toString(++stamp).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(lineEnd);
        }
        if (dialect.equals("responses")) {
            out.writeBytes(EVENT_LINE);
        } else if (dialect.equals("messages")) {
            out.writeBytes(BLOCK_DELTA_LINE);
        }
        out.writeBytes(DATA);
        out.writeBytes(JSON.writeValueAsBytes(chunk));
        out.writeBytes(lineEnd);
        out.writeBytes(lineEnd);
        return out.writerIndex();
    }

    /** The event {@link #templates} writes, as a tree: the same fields in the same order. */
    private ObjectNode event(String text) {
        ObjectNode e = JSON.createObjectNode();
        switch (dialect) {
            case "responses" -> {
                e.put("type", "response.output_text.delta");
                e.put("item_id", "msg_68f1c0a3c4e58190b2c3d4e5f607182930a4b5c6d7e8f901");
                e.put("output_index", 0);
                e.put("content_index", 0);
                e.put("delta", text);
                e.putArray("logprobs");
            }
            case "completions" -> {
                e.put("id", "cmpl-AbCdEfGhIjKlMnOpQrStUvWxYz012");
                e.put("object", "text_completion");
                e.put("created", 1_790_000_000L);
                e.put("model", "instant");
                ObjectNode choice = e.putArray("choices").addObject();
                choice.put("index", 0);
                choice.put("text", text);
                choice.putNull("logprobs");
                choice.putNull("finish_reason");
            }
            case "messages" -> {
                e.put("type", "content_block_delta");
                e.put("index", 0);
                e.putObject("delta").put("type", "text_delta").put("text", text);
            }
            case "gemini" -> {
                ObjectNode candidate = e.putArray("candidates").addObject();
                ObjectNode content = candidate.putObject("content");
                content.putArray("parts").addObject().put("text", text);
                content.put("role", "model");
                candidate.put("index", 0);
                ObjectNode usage = e.putObject("usageMetadata");
                usage.put("promptTokenCount", 5);
                usage.put("candidatesTokenCount", token);
                usage.put("totalTokenCount", 5 + token);
                usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", 5);
                e.put("modelVersion", "instant");
                e.put("responseId", "AbCdEfGhIjKlMnOpQrStUvWx");
            }
            default -> {
                e.put("id", "chatcmpl-AbCdEfGhIjKlMnOpQrStUvWxYz012");
                e.put("object", "chat.completion.chunk");
                e.put("created", 1_790_000_000L);
                e.put("model", "instant");
                ObjectNode choice = e.putArray("choices").addObject();
                choice.put("index", 0);
                choice.putObject("delta").put("content", text);
                choice.putNull("logprobs");
                choice.putNull("finish_reason");
            }
        }
        return e;
    }

    private static final String PAD = "q8ZxV3mLr0TnB6yWcK2hJ9uFdS4aE7gP1oIvXbNtMzRk5lYwCeQjHs";
    private static final byte[] EVENT_LINE = "event: response.output_text.delta\n".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] BLOCK_DELTA_LINE = "event: content_block_delta\n".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] LF = "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CRLF = "\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
