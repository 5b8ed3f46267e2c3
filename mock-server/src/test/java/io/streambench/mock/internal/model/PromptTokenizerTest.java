package io.streambench.mock.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prompts are counted as the driver counts them, and their block hashes chain. */
class PromptTokenizerTest {

    private static final PromptTokenizer O200K = PromptTokenizer.load("o200k_base");

    @Test
    void shouldCountEachMessageAsTheDriversTokenizerDoes() {
        Encoding reference = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        String system = "You are a terse assistant. Answer in one line.";
        String user = "Naïve café: 東京 – how many tokens? <|endoftext|> counts as text.";
        Prompt p = new Prompt(List.of(new Prompt.Message("system", system), new Prompt.Message("user", user)));
        int expected = reference.countTokensOrdinary(system) + reference.countTokensOrdinary(user);
        assertEquals(expected, O200K.tokenize(p).tokens());
        assertEquals(expected, O200K.tokenize(p).tokens(), "the same from the cache");
        assertEquals(0, O200K.tokenize(Prompt.EMPTY).tokens());
    }

    @Test
    void shouldLeaveLongUncachedTextToAnotherThread() {
        Prompt longPrompt = Prompt.ofUser("z".repeat(PromptTokenizer.INLINE_CHARS + 1) + " unique 8141");
        assertNull(O200K.tokenizeIfShort(longPrompt));
        O200K.tokenize(longPrompt);
        assertNotNull(O200K.tokenizeIfShort(longPrompt), "once cached, it costs a lookup");
    }

    @Test
    void shouldChainBlockHashesSoThatABlockCoversEverythingBeforeIt() {
        String shared = ServerModelTest.words(60, "shared");
        String apples = ServerModelTest.words(20, "apple");
        TokenizedPrompt a = O200K.tokenize(Prompt.ofUser(shared + apples));
        TokenizedPrompt b = O200K.tokenize(Prompt.ofUser(shared + ServerModelTest.words(20, "lemon")));
        TokenizedPrompt c = O200K.tokenize(Prompt.ofUser("Changed" + shared + apples));
        TokenizedPrompt asSystem = O200K.tokenize(new Prompt(List.of(new Prompt.Message("system", shared + apples))));
        long[] ha = a.blockHashes(16);
        long[] hb = b.blockHashes(16);
        assertEquals(a.tokens() / 16, ha.length, "full blocks only");
        int sharedBlocks = O200K.tokenize(Prompt.ofUser(shared)).tokens() / 16;
        assertArrayEquals(Arrays.copyOf(ha, sharedBlocks), Arrays.copyOf(hb, sharedBlocks));
        assertNotEquals(ha[sharedBlocks], hb[sharedBlocks], "the first block past the shared text differs");
        long[] hc = c.blockHashes(16);
        for (int i = 1; i < Math.min(ha.length, hc.length); i++) {
            assertNotEquals(ha[i], hc[i], "a change in the first block changes every block after it");
        }
        assertNotEquals(ha[0], asSystem.blockHashes(16)[0], "the role is part of the prefix");
        assertEquals(a.tokens() / 512, a.blockHashes(512).length);
    }
}
