package io.streambench.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code run}'s target: where the requests go, the API they speak, and what each request holds besides its workload. */
final class TargetOptions {

    static final String DEFAULT_PROMPT = "Write a short story about a lighthouse keeper who finds a message in a bottle.";

    @Option(names = "--url", paramLabel = "URL", description = "http or https base URL as given to the API's SDK "
            + "(https://api.openai.com/v1, https://api.anthropic.com, http://127.0.0.1:8080/v1/): the --api's path "
            + "is appended (/chat/completions, /responses, /completions, /v1/messages, "
            + "/v1beta/models/MODEL:streamGenerateContent?alt=sse), the query kept; a URL already ending in an "
            + "API's endpoint is used as given, and names the API.")
    URI url;

    @Option(names = "--api", paramLabel = "NAME", description = "The API the requests speak: chat, completions, "
            + "responses, messages (Anthropic), gemini (default: the one --url's path names, else chat).")
    String api;

    @Option(names = "--model", paramLabel = "NAME", description = "Model in each request (required with --url; default: the mock profile; a --prompts line's own model wins).")
    String model;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key, "
            + "sent as the API takes it (Authorization: Bearer; Anthropic x-api-key; Gemini x-goog-api-key) and "
            + "never printed (default with --url: OPENAI_API_KEY, ANTHROPIC_API_KEY, or GOOGLE_API_KEY else "
            + "GEMINI_API_KEY, by API, if set).")
    String apiKeyEnv;

    @Option(names = "--header", paramLabel = "'NAME: VALUE'", description = "Extra request header, repeatable (e.g. 'x-mock-fault: http:status=429,retry_after=1').")
    List<String> headers = new ArrayList<>();

    @Option(names = "--prompt", paramLabel = "TEXT", description = "The user message of every request (default: a short story request; not with --prompts).")
    String prompt = DEFAULT_PROMPT;

    @Option(names = "--prompts", paramLabel = "FILE", description = "JSONL file, one request per line, used round robin: a chat request object, or {\"prompt\": \"...\"} "
            + "whose prompt becomes the user message and whose other keys (max_tokens, temperature, stop...) go into the body as they are.")
    Path prompts;

    @Option(names = "--max-tokens", paramLabel = "TOKENS", description = "max_tokens (the API's answer limit) of "
            + "each request that plans no answer length, 0 to leave it out (--api messages, which requires one: "
            + "4096): a cap, not a length (--output-tokens asks for one); a --prompts line with its own max_tokens "
            + "or max_completion_tokens keeps it (default: ${DEFAULT-VALUE}).")
    int maxTokens = 0;

    @Option(names = "--include-usage", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "chat, completions: ask for the usage chunk (stream_options.include_usage), the source of exact token counts (default: ${DEFAULT-VALUE}).")
    boolean includeUsage = true;

    @Option(names = "--tools", paramLabel = "FILE", description = "JSON list of function definitions (chat's "
            + "{\"type\": \"function\", \"function\": {...}} or the flat {\"name\", \"description\", \"parameters\"}), "
            + "offered with every request in the API's own shape.")
    Path tools;

    @Option(names = "--reasoning-effort", paramLabel = "LEVEL", description = "chat: reasoning_effort; responses: "
            + "reasoning.effort, with a streamed summary (none, minimal, low, medium, high...).")
    String reasoningEffort;

    @Option(names = "--reasoning-budget", paramLabel = "TOKENS", description = "messages: thinking.budget_tokens "
            + "(at least 1024, below the answer limit; -1: adaptive thinking); gemini: "
            + "thinkingConfig.thinkingBudget with includeThoughts (0 off, -1 the model decides).")
    Integer reasoningBudget;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "https: trust only the CA certificates in this PEM file, instead of the JDK's roots (host names are still checked).")
    Path caFile;

    @Option(names = "--insecure", description = "https: trust any certificate and skip the host name check (testing only; prints a warning).")
    boolean insecure;
}
