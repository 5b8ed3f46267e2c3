package io.streambench.mock.internal.wire;

import io.streambench.mock.profile.ContentSource;
import io.streambench.mock.profile.Distribution;
import io.streambench.mock.profile.Profile;
import io.streambench.mock.profile.RequestOverrides;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the choices of one answer for {@link StreamPlan}: each choice's reasoning and answer lengths within the
 * request's limits, its finish reason, and the tool calls it makes instead of text. Every draw is taken whether or
 * not it decides anything, so that one decision never shifts the random sequence of what follows.
 */
final class ChoicePlanner {

    /** Reasoning counts come from a source of their own, so turning reasoning on changes nothing else. */
    private static final long REASONING_SALT = 0x3c6ef372fe94f82bL;

    private ChoicePlanner() {
    }

    /** The request's {@code n} choices, drawn from {@code planRandom} (and the seed's reasoning source). */
    static List<StreamPlan.ChoicePlan> plan(Profile profile, ChatRequest request, RequestOverrides o, long seed,
            SplittableRandom planRandom) {
        Distribution outputTokens = o.outputTokens() != null ? o.outputTokens() : profile.outputTokens();
        Distribution reasoning = !request.reasoning().enabled() ? null
                : o.reasoningTokens() != null ? o.reasoningTokens() : profile.reasoning().tokens();
        SplittableRandom reasoningRandom = new SplittableRandom(seed ^ REASONING_SALT);
        List<StreamPlan.ChoicePlan> plans = new ArrayList<>(request.n());
        for (int i = 0; i < request.n(); i++) {
            int reasoningTokens = 0;
            if (reasoning != null) {
                reasoningTokens = reasoning.sampleInt(reasoningRandom, 0);
                if (request.reasoning().budgetTokens() > 0) {
                    reasoningTokens = Math.min(reasoningTokens, request.reasoning().budgetTokens());
                }
            }
            plans.add(planChoice(profile, i, request, outputTokens, reasoningTokens, planRandom));
        }
        return List.copyOf(plans);
    }

    /** Reasoning tokens count toward the request's token limit, as every API counts them. */
    private static StreamPlan.ChoicePlan planChoice(Profile profile, int index, ChatRequest request,
            Distribution outputTokens, int reasoningTokens, SplittableRandom random) {
        int max = request.maxTokens();
        int reasoning = max > 0 ? Math.min(reasoningTokens, max) : reasoningTokens;
        List<StreamPlan.ToolCallPlan> calls = toolCalls(profile, request, random);
        if (!calls.isEmpty()) {
            return new StreamPlan.ChoicePlan(index, reasoning, 0, StreamPlan.Finish.TOOL_CALLS, calls);
        }
        ContentSource content = profile.content();
        int tokens = outputTokens != null ? outputTokens.sampleInt(random, 0)
                : Math.max(0, content.naturalTokens(request.lastUserMessage()));
        if (request.ignoreEos()) {
            // No end of sequence: the answer runs to its limit (the drawn length was drawn all the same, so
            // the random sequence of what follows does not shift).
            return new StreamPlan.ChoicePlan(index, reasoning, max - reasoning, StreamPlan.Finish.LENGTH, List.of());
        }
        // min_tokens counts every generated token, as vLLM counts it: reasoning first, then content.
        tokens = Math.max(tokens, request.minTokens() - reasoning);
        if (max > 0 && reasoning + tokens > max) {
            return new StreamPlan.ChoicePlan(index, reasoning, max - reasoning, StreamPlan.Finish.LENGTH, List.of());
        }
        return new StreamPlan.ChoicePlan(index, reasoning, tokens, StreamPlan.Finish.STOP, List.of());
    }

    private static List<StreamPlan.ToolCallPlan> toolCalls(Profile profile, ChatRequest request,
            SplittableRandom random) {
        ChatRequest.ToolChoice choice = request.toolChoice();
        // Always draw, so the decision does not shift the random sequence of what follows.
        double draw = random.nextDouble();
        if (request.tools().isEmpty() || choice.mode() == ChatRequest.ToolChoice.Mode.NONE) {
            return List.of();
        }
        if (choice.mode() == ChatRequest.ToolChoice.Mode.AUTO && draw >= profile.toolCalls().probability()) {
            return List.of();
        }
        List<ChatRequest.Tool> pick = new ArrayList<>();
        if (choice.mode() == ChatRequest.ToolChoice.Mode.NAMED) {
            for (ChatRequest.Tool t : request.tools()) {
                if (t.name().equals(choice.function())) {
                    pick.add(t);
                }
            }
            if (pick.isEmpty()) {
                throw new StreamPlan.UnknownFunctionException(choice.function());
            }
            pick = pick.subList(0, 1);
        } else {
            List<ChatRequest.Tool> offered = new ArrayList<>(request.tools());
            int count = request.parallelToolCalls() ? Math.min(profile.toolCalls().parallel(), offered.size()) : 1;
            for (int i = 0; i < count; i++) {
                pick.add(offered.remove(random.nextInt(offered.size())));
            }
        }
        List<StreamPlan.ToolCallPlan> calls = new ArrayList<>(pick.size());
        for (ChatRequest.Tool t : pick) {
            String arguments = ToolArguments.generate(t.parameters(), random);
            calls.add(new StreamPlan.ToolCallPlan(StreamPlan.alnum(random, 24), t.name(), arguments));
        }
        return calls;
    }
}
