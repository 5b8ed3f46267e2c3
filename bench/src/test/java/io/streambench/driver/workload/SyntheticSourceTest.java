package io.streambench.driver.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.profile.Distribution;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticSourceTest {

    private static SyntheticSource source(String encoding, String input, String output, PrefixPool prefixes, long seed) {
        return new SyntheticSource(Corpus.bundled(Tokenizers.named(encoding)), Distribution.parse(input),
                output == null ? null : Distribution.parse(output), prefixes, output != null, seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldSendPromptsOfExactlyTheDrawnLength(String encoding) {
        Tokenizer tokenizer = Tokenizers.named(encoding);
        for (String input : new String[] {"normal:1000:200", "uniform:1:64", "lognormal:300:0.8", "normal:2:5", "empirical:1,7,4000"}) {
            for (long seed = 1; seed <= 3; seed++) {
                SyntheticSource source = source(encoding, input, "200", null, seed);
                for (long i = 0; i < 40; i++) {
                    PlannedRequest request = source.plan(i);
                    int drawn = request.tokens().inputTokens();
                    assertTrue(drawn >= 1, "draws are clamped to at least 1");
                    assertEquals(drawn, tokenizer.count(request.messages().get(0).content()),
                            input + " seed=" + seed + " request=" + i);
                    assertEquals(200, request.tokens().outputTokens());
                    assertTrue(request.tokens().ignoreEos());
                }
            }
        }
    }

    @Test
    void shouldDrawLengthsFromTheDistribution() {
        SyntheticSource source = source("o200k_base", "normal:1000:200", "uniform:100:300", null, 9);
        double inputs = 0;
        int low = Integer.MAX_VALUE;
        int high = 0;
        for (long i = 0; i < 400; i++) {
            TokenPlan tokens = source.plan(i).tokens();
            inputs += tokens.inputTokens();
            low = Math.min(low, tokens.outputTokens());
            high = Math.max(high, tokens.outputTokens());
        }
        assertEquals(1000, inputs / 400, 40, "mean input length");
        assertTrue(low >= 100 && high <= 300 && high - low > 150, "outputs between " + low + " and " + high);
    }

    @Test
    void shouldPlanTheSameRequestForTheSameSeedWhateverTheOrder() {
        SyntheticSource a = source("o200k_base", "normal:500:100", "100", null, 42);
        SyntheticSource b = source("o200k_base", "normal:500:100", "100", null, 42);
        PlannedRequest late = b.plan(99);
        assertEquals(a.plan(3), b.plan(3));
        assertEquals(a.plan(99), late);
        assertNotEquals(a.plan(3).messages(), source("o200k_base", "normal:500:100", "100", null, 43).plan(3).messages());
    }

    @Test
    void shouldNeverRepeatAPromptAcrossRequests() {
        SyntheticSource source = source("o200k_base", "64", null, null, 5);
        Set<String> prompts = new HashSet<>();
        for (long i = 0; i < 5000; i++) {
            assertTrue(prompts.add(source.plan(i).messages().get(0).content()), "request " + i + " repeats a prompt");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void shouldShareEachPrefixGroupsTextExactly(String encoding) {
        Tokenizer tokenizer = Tokenizers.named(encoding);
        Corpus corpus = Corpus.bundled(tokenizer);
        SyntheticSource source = source(encoding, "normal:1000:200", "200", new PrefixPool(corpus, 8, 500, 7), 7);
        Map<Integer, String> textOfGroup = new HashMap<>();
        Map<Integer, Integer> requestsOfGroup = new HashMap<>();
        for (long i = 0; i < 800; i++) {
            PlannedRequest request = source.plan(i);
            int group = request.group().prefixGroup();
            ChatMessage system = request.messages().get(0);
            assertEquals("system", system.role());
            assertEquals(500, request.tokens().prefixTokens());
            String first = textOfGroup.putIfAbsent(group, system.content());
            if (first == null) {
                assertEquals(500, tokenizer.count(system.content()), "group " + group);
            } else {
                assertEquals(first, system.content(), "group " + group + " must be the same text in every request");
            }
            assertEquals(request.tokens().inputTokens(), tokenizer.count(request.messages().get(1).content()));
            requestsOfGroup.merge(group, 1, Integer::sum);
        }
        assertEquals(8, textOfGroup.size());
        assertEquals(8, new HashSet<>(textOfGroup.values()).size(), "the groups' prompts are distinct");
        // Uniform choice: each of 8 groups gets about 100 of 800 requests.
        requestsOfGroup.values().forEach(n -> assertTrue(n > 60 && n < 140, "requests per group " + requestsOfGroup));
    }

    @Test
    void shouldGiveDifferentSeedsDifferentPrefixes() {
        Corpus corpus = Corpus.bundled(Tokenizers.named("o200k_base"));
        PrefixPool a = new PrefixPool(corpus, 4, 100, 1);
        PrefixPool b = new PrefixPool(corpus, 4, 100, 2);
        assertEquals(a.text(3), new PrefixPool(corpus, 4, 100, 1).text(3));
        assertNotEquals(a.text(3), b.text(3));
    }

    @Test
    void shouldLeaveTheAnswerLengthToTheServerWithoutAnOutputDistribution() {
        PlannedRequest request = source("o200k_base", "10", null, null, 1).plan(0);
        assertEquals(0, request.tokens().outputTokens());
        assertFalse(request.tokens().ignoreEos());
        assertTrue(request.sendOffset().isEmpty());
        assertEquals(PlannedRequest.Grouping.NONE, request.group());
    }

    @Test
    void shouldRefuseIgnoreEosWithoutAnOutputLengthAndBadPrefixes() {
        Corpus corpus = Corpus.bundled(Tokenizers.named("o200k_base"));
        assertThrows(IllegalArgumentException.class,
                () -> new SyntheticSource(corpus, Distribution.parse("10"), null, null, true, 1));
        assertThrows(IllegalArgumentException.class, () -> new PrefixPool(corpus, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new PrefixPool(corpus, 2, 0, 1));
    }
}
