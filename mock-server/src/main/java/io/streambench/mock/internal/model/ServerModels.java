package io.streambench.mock.internal.model;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.streambench.mock.profile.ModelSettings;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ServerModel} of every profile that has one, by profile name, made when the server starts; and the
 * tokenizer thread they share, which {@link #close} stops. Profiles without model fields have none, and their
 * requests take the path they take without this package.
 *
 * <pre>
 * ServerModels models = ServerModels.of(profiles.byName());   // loads the tokenizers the profiles need
 * ServerModel model = models.of(profile);                      // null: no model
 * models.close();
 * </pre>
 */
public final class ServerModels implements AutoCloseable {

    private final Map<String, ServerModel> byName;
    /** Null when no profile counts tokens: no thread is started then. */
    private final ExecutorService tokenizerThread;

    private ServerModels(Map<String, ServerModel> byName, ExecutorService tokenizerThread) {
        this.byName = Collections.unmodifiableMap(byName);
        this.tokenizerThread = tokenizerThread;
    }

    /** No models at all. */
    public static ServerModels none() {
        return new ServerModels(Map.of(), null);
    }

    /**
     * The models of {@code settingsByProfile}'s profiles whose settings are on. Loads each encoding they count
     * with (about a second for o200k_base), so call it before serving, off the event loops.
     */
    public static ServerModels of(Map<String, ModelSettings> settingsByProfile) {
        boolean counting = settingsByProfile.values().stream().anyMatch(ModelSettings::countsTokens);
        ExecutorService thread = counting
                ? Executors.newSingleThreadExecutor(new DefaultThreadFactory("streambench-mock-tokenizer", true))
                : null;
        Map<String, PromptTokenizer> tokenizers = new HashMap<>();
        Map<String, ServerModel> models = new LinkedHashMap<>();
        settingsByProfile.forEach((name, settings) -> {
            if (settings.on()) {
                PromptTokenizer tokenizer = settings.countsTokens()
                        ? tokenizers.computeIfAbsent(settings.encoding(), PromptTokenizer::load) : null;
                models.put(name, new ServerModel(name, settings, tokenizer, thread));
            }
        });
        return new ServerModels(models, thread);
    }

    /** The model of the profile named {@code profile}, or null when it has none. */
    public ServerModel of(String profile) {
        return byName.get(profile);
    }

    /** Every model, by profile name, in the profiles' order. */
    public Map<String, ServerModel> byName() {
        return byName;
    }

    /** Stops the tokenizer thread. */
    @Override
    public void close() {
        if (tokenizerThread != null) {
            tokenizerThread.shutdownNow();
            try {
                tokenizerThread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
