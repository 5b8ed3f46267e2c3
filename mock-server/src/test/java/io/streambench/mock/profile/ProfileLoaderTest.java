package io.streambench.mock.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Profile files: what loads, how {@code extends} merges, and that every mistake is named. */
class ProfileLoaderTest {

    private static final String YAML = """
            # a comment, as people write in YAML
            default_profile: fast
            profiles:
              fast:
                ttft_ms: 5
                itl_ms: uniform:1:3
                output_tokens: {type: constant, value: 20}
                tokens_per_chunk: empirical:1,2
                padding_bytes: 8
                flush: every:4
                require_api_key: true
                system_fingerprint: fp_test
                tool_calls: {probability: 0.5, parallel: 3, argument_chars_per_chunk: 6}
                reasoning_tokens: uniform:50:200
                reasoning_field: reasoning
            """;
    private static final String JSON = """
            {"default_profile": "fast",
             "profiles": {
               "fast": {
                 "ttft_ms": 5,
                 "itl_ms": {"type": "uniform", "min": 1, "max": 3},
                 "output_tokens": "constant:20",
                 "tokens_per_chunk": {"type": "empirical", "values": [1, 2]},
                 "padding_bytes": "8",
                 "flush": "every:4",
                 "require_api_key": true,
                 "system_fingerprint": "fp_test",
                 "tool_calls": {"probability": 0.5, "parallel": 3, "argument_chars_per_chunk": "constant:6"},
                 "reasoning_tokens": {"type": "uniform", "min": 50, "max": 200},
                 "reasoning_field": "reasoning"}}}
            """;

    @TempDir
    Path dir;

    @Test
    void shouldLoadYamlFileOnTopOfBuiltins() throws IOException {
        Profiles profiles = ProfileLoader.load(write("profiles.yaml", YAML));

        Profile fast = profiles.named("fast");
        assertEquals(new Distribution.Constant(5), fast.ttftMs());
        assertEquals(new Distribution.Uniform(1, 3), fast.itlMs());
        assertEquals(new Distribution.Constant(20), fast.outputTokens());
        assertEquals(new Distribution.Empirical(new double[] {1, 2}), fast.tokensPerChunk());
        assertEquals(new Distribution.Constant(8), fast.paddingBytes());
        assertEquals(new FlushPolicy.EveryN(4), fast.flush());
        assertTrue(fast.requireApiKey());
        assertEquals("fp_test", fast.systemFingerprint());
        assertEquals(new ToolCallSettings(0.5, 3, new Distribution.Constant(6)), fast.toolCalls());
        assertEquals(new ReasoningSettings(new Distribution.Uniform(50, 200), ReasoningSettings.ChatField.REASONING),
                fast.reasoning());
        assertEquals("fast", profiles.defaultName());
        assertEquals(fast, profiles.forModel("no-such-model"));
        for (String builtin : ProfileLoader.builtins().byName().keySet()) {
            assertTrue(profiles.byName().containsKey(builtin), "built-in kept: " + builtin);
        }
    }

    @Test
    void shouldLoadJsonFileToTheSameProfileAsYaml() throws IOException {
        Profiles fromYaml = ProfileLoader.load(write("profiles.yaml", YAML));
        Profiles fromJson = ProfileLoader.load(write("profiles.json", JSON));

        assertEquals(fromYaml.named("fast"), fromJson.named("fast"));
        assertEquals(fromYaml.defaultName(), fromJson.defaultName());
    }

    @Test
    void shouldFillUnsetFieldsWithDefaults() {
        Profile p = ProfileLoader.parse("profiles: {bare: {output_tokens: 10}}").named("bare");

        assertEquals(new Distribution.Constant(0), p.ttftMs());
        assertEquals(new Distribution.Constant(0), p.itlMs());
        assertEquals(new Distribution.Constant(1), p.tokensPerChunk());
        assertEquals(new Distribution.Constant(0), p.paddingBytes());
        assertInstanceOf(ContentSource.Generated.class, p.content());
        assertEquals(new FlushPolicy.EachEvent(), p.flush());
        assertFalse(p.requireApiKey());
        assertFalse(p.usageNullOnChunks());
        assertNull(p.systemFingerprint());
        assertEquals(ReasoningSettings.NONE, p.reasoning(), "no reasoning unless asked for");
    }

    @Test
    void shouldMergeExtendedProfileUnderTheOverrides() {
        Profiles profiles = ProfileLoader.parse("""
                profiles:
                  base: {extends: paced, itl_ms: 7}
                  child: {extends: base, output_tokens: 3}
                """);

        Profile paced = profiles.named("paced");
        Profile base = profiles.named("base");
        Profile child = profiles.named("child");
        assertEquals(paced.ttftMs(), base.ttftMs());
        assertEquals(new Distribution.Constant(7), base.itlMs());
        assertEquals(paced.outputTokens(), base.outputTokens());
        assertEquals(paced.ttftMs(), child.ttftMs());
        assertEquals(new Distribution.Constant(7), child.itlMs());
        assertEquals(new Distribution.Constant(3), child.outputTokens());
    }

    @Test
    void shouldResolveExtendsRegardlessOfOrderInFile() {
        Profiles profiles = ProfileLoader.parse("""
                profiles:
                  child: {extends: base, output_tokens: 3}
                  base: {extends: instant, ttft_ms: 9}
                """);

        assertEquals(new Distribution.Constant(9), profiles.named("child").ttftMs());
    }

    @Test
    void shouldExtendBuiltinOfTheSameName() {
        Profile builtin = ProfileLoader.builtins().named("realistic");

        Profile p = ProfileLoader.parse("profiles: {realistic: {extends: realistic, ttft_ms: 10}}").named("realistic");

        assertEquals(new Distribution.Constant(10), p.ttftMs());
        assertEquals(builtin.itlMs(), p.itlMs());
        assertEquals(builtin.outputTokens(), p.outputTokens());
        assertEquals(builtin.toolCalls(), p.toolCalls());
        assertEquals(builtin.systemFingerprint(), p.systemFingerprint());
    }

    @Test
    void shouldReplaceBuiltinOfTheSameNameWithoutExtends() {
        Profile p = ProfileLoader.parse("profiles: {realistic: {output_tokens: 5}}").named("realistic");

        assertEquals(new Distribution.Constant(0), p.ttftMs());
        assertNull(p.systemFingerprint());
    }

    @Test
    void shouldReadContentFileRelativeToTheProfilesFile() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(sub.resolve("answer.txt"), "Hello from a file, café 東京.", StandardCharsets.UTF_8);
        Path file = Files.writeString(sub.resolve("profiles.yaml"),
                "profiles: {canned: {content: {type: file, path: answer.txt}}}", StandardCharsets.UTF_8);

        Profile p = ProfileLoader.load(file).named("canned");

        ContentSource.File content = assertInstanceOf(ContentSource.File.class, p.content());
        assertEquals("Hello from a file, café 東京.", content.content().text());
        assertNull(p.outputTokens(), "a file's own length is the answer length");
    }

    @Test
    void shouldNameContentWhenContentFileIsMissing() throws IOException {
        Path file = write("profiles.yaml", "profiles: {canned: {content: {type: file, path: nowhere.txt}}}");

        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.load(file));

        assertTrue(e.getMessage().contains("profiles.canned.content"), e.getMessage());
        assertTrue(e.getMessage().contains("nowhere.txt"), e.getMessage());
    }

    @Test
    void shouldNameTheFileWhenItDoesNotExist() {
        Path missing = dir.resolve("missing.yaml");

        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.load(missing));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void shouldNameTheFileWhenItIsNotYaml() throws IOException {
        Path file = write("broken.yaml", "profiles: {a: [unclosed");

        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.load(file));

        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void shouldNameTheFileAndFieldInErrorsFromFiles() throws IOException {
        Path file = write("bad.yaml", "profiles: {slow: {ttft_ms: -5}}");

        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.load(file));

        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("profiles.slow.ttft_ms"), e.getMessage());
    }

    @Test
    void shouldRejectExtendsCycle() {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse("""
                profiles:
                  a: {extends: b}
                  b: {extends: c}
                  c: {extends: a}
                """));

        assertTrue(e.getMessage().contains(".extends"), e.getMessage());
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void shouldRejectBadDefaultProfile() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileLoader.parse("default_profile: nope\nprofiles: {a: {output_tokens: 1}}"));

        assertTrue(e.getMessage().contains("default_profile"), e.getMessage());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            top-level key         | bogus: 1\\nprofiles: {}                                  | 'bogus'
            profiles not a map    | profiles: [a, b]                                         | 'profiles'
            profile not a map     | profiles: {a: 5}                                         | profiles.a
            profile key           | profiles: {a: {ttft: 5}}                                 | profiles.a: unknown key 'ttft'
            extends unknown       | profiles: {a: {extends: nope}}                           | profiles.a.extends
            distribution type     | profiles: {a: {extends: instant, ttft_ms: gamma:1:2}}    | profiles.a.ttft_ms
            distribution type obj | profiles: {a: {extends: instant, itl_ms: {type: gamma}}}  | profiles.a.itl_ms
            distribution obj key  | profiles: {a: {extends: instant, itl_ms: {type: uniform, min: 1, max: 2, mode: 1}}} | profiles.a.itl_ms
            distribution obj text | profiles: {a: {extends: instant, itl_ms: {type: uniform, min: a, max: 2}}} | profiles.a.itl_ms
            bad number            | profiles: {a: {extends: instant, itl_ms: 'uniform:x:3'}} | profiles.a.itl_ms
            bad number constant   | profiles: {a: {extends: instant, ttft_ms: fast}}         | profiles.a.ttft_ms
            parameter count       | profiles: {a: {extends: instant, ttft_ms: 'normal:5'}}   | profiles.a.ttft_ms
            negative number       | profiles: {a: {extends: instant, ttft_ms: -1}}           | profiles.a.ttft_ms
            negative in text      | profiles: {a: {extends: instant, itl_ms: 'uniform:-2:3'}} | profiles.a.itl_ms
            negative output       | profiles: {a: {output_tokens: -10}}                      | profiles.a.output_tokens
            negative padding      | profiles: {a: {extends: instant, padding_bytes: 'normal:-1:1'}} | profiles.a.padding_bytes
            max below min         | profiles: {a: {extends: instant, itl_ms: 'uniform:5:1'}} | profiles.a.itl_ms
            empirical empty obj   | profiles: {a: {extends: instant, itl_ms: {type: empirical, values: []}}} | profiles.a.itl_ms
            empirical not numbers | profiles: {a: {extends: instant, itl_ms: {type: empirical, values: [a]}}} | profiles.a.itl_ms
            distribution boolean  | profiles: {a: {extends: instant, ttft_ms: true}}         | profiles.a.ttft_ms
            boolean field         | profiles: {a: {extends: instant, require_api_key: 'yes'}} | profiles.a.require_api_key
            flush policy          | profiles: {a: {extends: instant, flush: sometimes}}      | profiles.a.flush
            content type          | profiles: {a: {extends: instant, content: poem}}         | profiles.a.content
            fixed without text    | profiles: {a: {extends: instant, content: {type: fixed}}} | profiles.a.content
            tool_calls parallel   | profiles: {a: {extends: instant, tool_calls: {parallel: 0}}} | tool_calls.parallel
            tool_calls prob       | profiles: {a: {extends: instant, tool_calls: {probability: 2}}} | tool_calls.probability
            tool_calls key        | profiles: {a: {extends: instant, tool_calls: {parallell: 2}}} | 'parallell'
            tool_calls chunk      | profiles: {a: {extends: instant, tool_calls: {argument_chars_per_chunk: 'x:1'}}} | tool_calls.argument_chars_per_chunk
            generated needs length | profiles: {a: {ttft_ms: 1}}                             | output_tokens
            reasoning tokens      | profiles: {a: {extends: instant, reasoning_tokens: lots}} | profiles.a.reasoning_tokens
            reasoning field       | profiles: {a: {extends: instant, reasoning_field: thoughts}} | profiles.a.reasoning_field
            reasoning field type  | profiles: {a: {extends: instant, reasoning_field: 3}}    | profiles.a.reasoning_field
            """)
    void shouldNameTheFieldOfEveryMistake(String mistake, String yaml, String named) {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileLoader.parse(yaml.replace("\\n", "\n")), mistake);

        assertTrue(e.getMessage().contains(named), mistake + ": '" + named + "' not in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), mistake + ": one line: " + e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
