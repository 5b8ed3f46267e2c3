package io.streambench.mock.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.streambench.mock.internal.model.Prompt;
import io.streambench.mock.internal.profile.ContentStreams;
import io.streambench.mock.internal.profile.TokenStream;
import io.streambench.mock.profile.ContentSource;
import io.streambench.mock.profile.Distribution;
import io.streambench.mock.profile.FlushPolicy;
import io.streambench.mock.profile.Profile;
import io.streambench.mock.profile.RequestOverrides;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything decided about one answer before its first byte: profile knobs after overrides, the seed,
 * each choice's length, finish reason and tool calls ({@link ChoicePlanner}). Streaming and non-streaming
 * answers are made from the same plan, so the same seed gives the same content either way.
 *
 * <p>Each concern draws from its own random source split from the seed (plan, timing, chunking, padding,
 * one per choice for content), so changing chunk sizes never changes the text, and timing never changes
 * the content.
 *
 * <p>A little over 300 lines and left whole: the plan's fields, built once from profile and overrides, and the
 * random sources and texts every format renders it with; how the choices are drawn is {@link ChoicePlanner}'s.
 */
public final class StreamPlan {

    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** 29 random letters and digits: each format makes the answer's id from them ({@code chatcmpl-<key>}). */
    final String key;
    final long createdEpochSeconds;
    final String model;
    final Profile profile;
    final long seed;
    final Distribution ttftMs;
    final Distribution itlMs;
    final Distribution tokensPerChunk;
    final Distribution paddingBytes;
    final boolean timestamps;
    final FlushPolicy flush;
    final boolean includeUsage;
    /** As usage reports them: rough, or the server model's count ({@link #withPromptTokens}). */
    final int promptTokens;
    /** Of {@link #promptTokens}, those the server model's prefix cache held; each format reports them its way. */
    final int cachedTokens;
    /** Whether a server model counted the prompt ({@link #withPromptTokens}): usage then details its cache. */
    final boolean modelCounted;
    final String lastUserMessage;
    final Prompt prompt;
    /** Whether the reasoning text is streamed, or only its time and its count in usage. */
    final boolean reasoningShown;
    /** The request fields the API repeats in its answer, or null. */
    final JsonNode echo;
    final List<ChoicePlan> choices;

    /** A request whose {@code tool_choice} names a function it does not offer. */
    public static final class UnknownFunctionException extends IllegalArgumentException {
        private final String function;

        UnknownFunctionException(String function) {
            super("tool_choice names function '" + function + "', which is not in tools");
            this.function = function;
        }

        /** The function {@code tool_choice} names. */
        public String function() {
            return function;
        }
    }

    /** Why a choice ends; each format names it its own way. */
    enum Finish {
        /** The answer is complete. */
        STOP,
        /** The request's token limit cut it. */
        LENGTH,
        /** It made tool calls instead of answering. */
        TOOL_CALLS
    }

    /**
     * One choice: how many reasoning tokens come first, then how many content tokens, how it finishes, and the
     * tool calls it makes instead of text.
     */
    record ChoicePlan(int index, int reasoningTokens, int contentTokens, Finish finish, List<ToolCallPlan> toolCalls) {
        ChoicePlan {
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /**
     * One tool call: the random key its id is made of (24 letters and digits: {@code call_<key>}), the
     * function's name and the complete arguments JSON.
     */
    record ToolCallPlan(String key, String name, String arguments) {
    }

    private StreamPlan(Profile profile, ChatRequest request, RequestOverrides o, long seed, long created) {
        this.profile = profile;
        this.seed = seed;
        this.model = request.model();
        this.createdEpochSeconds = created;
        this.ttftMs = o.ttftMs() != null ? o.ttftMs() : profile.ttftMs();
        this.itlMs = o.itlMs() != null ? o.itlMs() : profile.itlMs();
        this.tokensPerChunk = o.tokensPerChunk() != null ? o.tokensPerChunk() : profile.tokensPerChunk();
        this.paddingBytes = !request.obfuscation() ? new Distribution.Constant(0)
                : o.paddingBytes() != null ? o.paddingBytes() : profile.paddingBytes();
        this.timestamps = o.timestamps() != null ? o.timestamps() : profile.timestamps();
        this.flush = o.flush() != null ? o.flush() : profile.flush();
        this.includeUsage = request.includeUsage();
        this.promptTokens = request.promptTokens();
        this.cachedTokens = 0;
        this.modelCounted = false;
        this.lastUserMessage = request.lastUserMessage();
        this.prompt = request.prompt();
        this.reasoningShown = request.reasoning().shown();
        this.echo = request.echo();

        SplittableRandom planRandom = new SplittableRandom(seed).split();
        this.key = alnum(planRandom, 29);
        this.choices = ChoicePlanner.plan(profile, request, o, seed, planRandom);
    }

    /** {@code p} with the prompt's tokens as the server model counted them. */
    private StreamPlan(StreamPlan p, int promptTokens, int cachedTokens) {
        this.key = p.key;
        this.createdEpochSeconds = p.createdEpochSeconds;
        this.model = p.model;
        this.profile = p.profile;
        this.seed = p.seed;
        this.ttftMs = p.ttftMs;
        this.itlMs = p.itlMs;
        this.tokensPerChunk = p.tokensPerChunk;
        this.paddingBytes = p.paddingBytes;
        this.timestamps = p.timestamps;
        this.flush = p.flush;
        this.includeUsage = p.includeUsage;
        this.promptTokens = promptTokens;
        this.cachedTokens = cachedTokens;
        this.modelCounted = true;
        this.lastUserMessage = p.lastUserMessage;
        this.prompt = p.prompt;
        this.reasoningShown = p.reasoningShown;
        this.echo = p.echo;
        this.choices = p.choices;
    }

    /**
     * This plan with the prompt's tokens as the server model counted them, {@code cachedTokens} of them found in
     * its prefix cache; everything else, the seed's draws included, is the same.
     */
    public StreamPlan withPromptTokens(int promptTokens, int cachedTokens) {
        if (cachedTokens < 0 || cachedTokens > promptTokens) {
            throw new IllegalArgumentException("cached tokens " + cachedTokens + " not in [0, " + promptTokens + "]");
        }
        return new StreamPlan(this, promptTokens, cachedTokens);
    }

    /**
     * Fresh random sources for one rendering of the plan (a stream, or the non-streaming answer and its
     * duration): the same seed gives the same sequences every time.
     */
    Randoms newRandoms() {
        SplittableRandom root = new SplittableRandom(seed);
        root.split(); // the plan's own, used up in the constructor
        SplittableRandom timing = root.split();
        SplittableRandom chunk = root.split();
        SplittableRandom padding = root.split();
        List<SplittableRandom> content = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            content.add(root.split());
        }
        // Split after the others, so they are the same with reasoning or without.
        List<SplittableRandom> reasoning = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            reasoning.add(root.split());
        }
        return new Randoms(timing, chunk, padding, content, reasoning);
    }

    /**
     * The random sources of one rendering: timing, chunk sizes, padding, and per choice the content and the
     * reasoning text.
     */
    record Randoms(SplittableRandom timing, SplittableRandom chunk, SplittableRandom padding,
            List<SplittableRandom> content, List<SplittableRandom> reasoning) {
    }

    /** The answer text of {@code choice}, from its first token, for a rendering's random sources. */
    TokenStream openContent(Randoms random, int choice) {
        return ContentStreams.open(profile.content(), random.content().get(choice), lastUserMessage);
    }

    /**
     * The reasoning text of {@code choice}, from its first token: generated text whatever the profile's
     * content, as a model's thinking is not its answer.
     */
    static TokenStream openReasoning(Randoms random, int choice) {
        return ContentStreams.open(GENERATED, random.reasoning().get(choice), "");
    }

    private static final ContentSource GENERATED = new ContentSource.Generated();

    /**
     * Plans an answer.
     *
     * @param createdEpochSeconds the {@code created} field of every chunk
     * @throws UnknownFunctionException when the request names a function it does not offer
     */
    public static StreamPlan create(Profile profile, ChatRequest request, RequestOverrides overrides,
            long createdEpochSeconds) {
        long seed = overrides.seed() != null ? overrides.seed()
                : request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong();
        return new StreamPlan(profile, request, overrides, seed, createdEpochSeconds);
    }

    /** {@code length} random letters and digits, for ids. */
    static String alnum(SplittableRandom random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ALNUM[random.nextInt(ALNUM.length)];
        }
        return new String(c);
    }

    /** The seed this answer was made from (sent back in the {@code x-mock-seed} header). */
    public long seed() {
        return seed;
    }

    /** The headers that let a client replay exactly this answer, in the order they are sent. */
    public Map<String, String> replayHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(RequestOverrides.SEED, Long.toString(seed));
        h.put(RequestOverrides.PROFILE, profile.name());
        return h;
    }

    /** Prompt tokens, as the usage chunk reports them. */
    public int promptTokens() {
        return promptTokens;
    }

    /** Of the prompt tokens, those found in the server model's prefix cache (0 without one). */
    public int cachedTokens() {
        return cachedTokens;
    }

    /** The request's messages: what the server model counts. */
    public Prompt prompt() {
        return prompt;
    }

    /** The profile this answer follows. */
    public Profile profile() {
        return profile;
    }

    /** The server flush policy for this stream. */
    public FlushPolicy flush() {
        return flush;
    }

    /** Completion tokens of the whole answer, reasoning included, as the usage chunk reports them. */
    public long completionTokens() {
        long total = 0;
        for (ChoicePlan c : choices) {
            total += c.reasoningTokens() + c.contentTokens();
            for (ToolCallPlan t : c.toolCalls()) {
                total += toolCallTokens(t);
            }
        }
        return total;
    }

    /** Reasoning tokens of the whole answer: the part of {@link #completionTokens()} spent reasoning. */
    public long reasoningTokens() {
        long total = 0;
        for (ChoicePlan c : choices) {
            total += c.reasoningTokens();
        }
        return total;
    }

    /** The tokens a tool call counts as: its arguments, about four characters each, plus the name. */
    static long toolCallTokens(ToolCallPlan call) {
        return 1 + (call.arguments().length() + 3) / 4;
    }

    /** The answer text of text choice {@code c}: what its stream tells, for a rendering's random sources. */
    String text(ChoicePlan c, Randoms random) {
        return join(openContent(random, c.index()), c.contentTokens());
    }

    /** The reasoning text of choice {@code c}: what its stream tells, for a rendering's random sources. */
    static String reasoningText(ChoicePlan c, Randoms random) {
        return join(openReasoning(random, c.index()), c.reasoningTokens());
    }

    private static String join(TokenStream tokens, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(tokens.next().text());
        }
        return sb.toString();
    }

    static long millisToNanos(double ms) {
        return (long) (ms * 1_000_000.0);
    }
}
