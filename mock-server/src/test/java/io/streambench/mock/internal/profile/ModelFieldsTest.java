package io.streambench.mock.internal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streambench.mock.profile.ModelSettings;
import io.streambench.mock.profile.Profile;
import io.streambench.mock.profile.ProfileException;
import io.streambench.mock.profile.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server model's profile fields: what they read to, that they are off unless given, and every mistake named. */
class ModelFieldsTest {

    @Test
    void shouldReadEveryField() {
        Profile p = ProfileLoader.parse("""
                profiles:
                  served:
                    extends: paced
                    tokenizer: cl100k_base
                    prefill_ms_per_1k_tokens: 25.5
                    prefix_cache: {blocks: 4096, block_tokens: 512}
                    capacity: {sequences: 8, itl_ms_per_sequence: 0.5, prefill_stall: 0.25}
                """).named("served");
        assertEquals(new ModelSettings("cl100k_base", 25.5, 4096, 512, 8, 0.5, 0.25), p.model());
        assertTrue(p.model().on());
        assertTrue(p.model().countsTokens());
    }

    @Test
    void shouldBeOffUnlessAFieldIsGivenAndDefaultTheRest() {
        for (Profile builtin : ProfileLoader.builtins().byName().values()) {
            if (!builtin.name().equals("capacity-demo")) {
                assertEquals(ModelSettings.OFF, builtin.model(), builtin.name());
                assertFalse(builtin.model().on());
            }
        }
        ModelSettings cacheOnly = ProfileLoader.parse("profiles: {a: {extends: paced, prefix_cache: {blocks: 10}}}")
                .named("a").model();
        assertEquals(new ModelSettings(null, 0, 10, 16, 0, 0, 0), cacheOnly);
        assertEquals("o200k_base", cacheOnly.encoding(), "the driver's default");
        ModelSettings capacityOnly = ProfileLoader.parse("profiles: {a: {extends: paced, capacity: {sequences: 4}}}")
                .named("a").model();
        assertTrue(capacityOnly.on());
        assertFalse(capacityOnly.countsTokens(), "a batch alone needs no token counts");
        assertEquals(new ModelSettings(null, 0, 0, 16, 4, 0, 0), capacityOnly);
        ModelSettings inherited = ProfileLoader.parse("profiles: {b: {extends: capacity-demo, itl_ms: 1}}")
                .named("b").model();
        assertEquals(ProfileLoader.builtins().named("capacity-demo").model(), inherited, "extends carries it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown tokenizer     | tokenizer: p50k_base                                 | tokenizer
            tokenizer not text    | tokenizer: 5                                         | tokenizer
            negative prefill      | prefill_ms_per_1k_tokens: -1                         | prefill_ms_per_1k_tokens
            prefill not a number  | prefill_ms_per_1k_tokens: fast                       | prefill_ms_per_1k_tokens
            cache not a map       | prefix_cache: 100                                    | prefix_cache
            cache without blocks  | prefix_cache: {block_tokens: 16}                     | prefix_cache.blocks
            cache zero blocks     | prefix_cache: {blocks: 0}                            | prefix_cache.blocks
            cache block tokens    | prefix_cache: {blocks: 10, block_tokens: 0}          | prefix_cache.block_tokens
            cache fraction        | prefix_cache: {blocks: 10.5}                         | prefix_cache.blocks
            cache key             | prefix_cache: {size: 10}                             | 'size'
            capacity not a map    | capacity: 8                                          | capacity
            capacity no sequences | capacity: {itl_ms_per_sequence: 1}                   | capacity.sequences
            capacity zero         | capacity: {sequences: 0}                             | capacity.sequences
            capacity key          | capacity: {sequences: 2, slots: 4}                   | 'slots'
            negative per sequence | capacity: {sequences: 2, itl_ms_per_sequence: -1}    | capacity.itl_ms_per_sequence
            stall above one       | capacity: {sequences: 2, prefill_stall: 2}           | capacity.prefill_stall
            stall without prefill | capacity: {sequences: 2, prefill_stall: 0.5}         | capacity.prefill_stall
            """)
    void shouldNameTheFieldOfEveryMistake(String mistake, String fields, String named) {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileLoader.parse("profiles: {a: {extends: paced, " + fields + "}}"), mistake);
        assertTrue(e.getMessage().contains(named), mistake + ": '" + named + "' not in: " + e.getMessage());
        assertTrue(e.getMessage().contains("profiles.a"), mistake + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), mistake + ": one line: " + e.getMessage());
    }
}
