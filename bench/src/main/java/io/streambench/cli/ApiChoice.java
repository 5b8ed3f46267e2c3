package io.streambench.cli;

import io.streambench.client.Api;
import io.streambench.driver.RequestEncoder;
import io.streambench.driver.dialect.ApiAuth;
import io.streambench.driver.dialect.ApiBodies;
import io.streambench.driver.dialect.BodyOptions;
import io.streambench.driver.dialect.FunctionTool;
import io.streambench.driver.dialect.Tools;
import io.streambench.mock.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code --api} and the options around it decide: the API the run speaks (named, or inferred from the
 * path of {@code --url}), the variable its key is read from, and the encoder of its request bodies. Every
 * refusal is one line ({@link UsageException}).
 *
 * <pre>{@code
 * Api api = ApiChoice.api(null, URI.create("http://h/v1/messages"));   // MESSAGES, from the path
 * }</pre>
 */
final class ApiChoice {

    private ApiChoice() {
    }

    /**
     * The API {@code named} ({@code --api}, or null) says, else the one whose endpoint {@code url}'s path names,
     * else chat completions; refuses a name the URL's endpoint contradicts.
     */
    static Api api(String named, URI url) {
        Api given = named == null ? null : Api.named(named);
        Api fromUrl = url == null ? null : Api.ofEndpoint(url);
        if (given != null && fromUrl != null && given != fromUrl) {
            throw new UsageException("--api " + given.label() + ", but --url " + url + " is a " + fromUrl.label()
                    + " endpoint: give the base URL (the path follows --api), or leave out --api");
        }
        return given != null ? given : fromUrl != null ? fromUrl : Api.CHAT;
    }

    /**
     * The API key: from {@code variable} ({@code --api-key-env}, which must be set), else, for a URL target, from
     * the first set of the variables the API's own SDK reads ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY},
     * {@code GOOGLE_API_KEY} or {@code GEMINI_API_KEY}); null for none.
     */
    static String apiKey(Api api, String variable, boolean embedded, Map<String, String> env) {
        if (variable != null) {
            String key = env.get(variable);
            if (key == null || key.isBlank()) {
                throw new UsageException("environment variable " + variable + " is not set");
            }
            return key;
        }
        if (embedded) {
            return null;
        }
        for (String v : ApiAuth.keyVariables(api)) {
            String key = env.get(v);
            if (key != null && !key.isBlank()) {
                return key;
            }
        }
        return null;
    }

    /**
     * The body encoder of {@code api}; refuses what the API has no field for (a reasoning effort for Anthropic,
     * tools for legacy completions, {@code --no-include-usage} where usage always comes...).
     *
     * @param includeUsageGiven whether {@code --include-usage} or {@code --no-include-usage} was typed
     */
    static RequestEncoder encoder(Api api, String model, int maxTokens, boolean includeUsage,
            boolean includeUsageGiven, Path toolsFile, String reasoningEffort, Integer reasoningBudget) {
        if (includeUsageGiven && api != Api.CHAT && api != Api.COMPLETIONS) {
            throw new UsageException("--include-usage does nothing with --api " + api.label() + ": its streams "
                    + "always carry usage");
        }
        if (reasoningEffort != null && api != Api.CHAT && api != Api.RESPONSES) {
            throw new UsageException("--reasoning-effort is for --api chat or responses; --api " + api.label()
                    + (api == Api.COMPLETIONS ? " has no reasoning setting" : " takes --reasoning-budget"));
        }
        if (reasoningBudget != null && api != Api.MESSAGES && api != Api.GEMINI) {
            throw new UsageException("--reasoning-budget is for --api messages or gemini; --api " + api.label()
                    + (api == Api.COMPLETIONS ? " has no reasoning setting" : " takes --reasoning-effort"));
        }
        if (reasoningBudget != null && api == Api.MESSAGES && reasoningBudget != -1 && reasoningBudget < 1024) {
            throw new UsageException("--reasoning-budget: Anthropic's thinking.budget_tokens is at least 1024 (or -1: "
                    + "adaptive thinking), got " + reasoningBudget);
        }
        if (reasoningBudget != null && api == Api.MESSAGES && maxTokens > 0 && reasoningBudget > 0
                && maxTokens <= reasoningBudget) {
            throw new UsageException("--max-tokens " + maxTokens + " with --reasoning-budget " + reasoningBudget
                    + ": Anthropic requires max_tokens above thinking.budget_tokens (the thinking counts in it)");
        }
        if (reasoningBudget != null && api == Api.GEMINI && reasoningBudget < -1) {
            throw new UsageException("--reasoning-budget: Gemini's thinkingBudget is -1 (the model decides), 0 (off) "
                    + "or a number of tokens, got " + reasoningBudget);
        }
        if (toolsFile != null && api == Api.COMPLETIONS) {
            throw new UsageException("--tools: legacy completions have no tools");
        }
        List<FunctionTool> tools = List.of();
        if (toolsFile != null) {
            FileReasons.requireReadableFile("--tools", toolsFile);
            tools = UsageException.whenInvalid(() -> Tools.read(toolsFile));
        }
        List<FunctionTool> offered = tools;
        return UsageException.whenInvalid(() -> ApiBodies.encoder(api, new BodyOptions(model, maxTokens,
                includeUsage, offered, reasoningEffort, reasoningBudget)));
    }
}
