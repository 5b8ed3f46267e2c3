package io.streambench.client.accumulate;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code chunk-list}: every chunk kept as its own {@code String} in a list, joined once at the
 * end. No copying while streaming, but a String object per chunk.
 */
final class ChunkListAccumulator implements Accumulator {

    private final List<String> chunks = new ArrayList<>();
    private long characters;

    @Override
    public void append(CharSequence text) {
        chunks.add(text.toString());
        characters += text.length();
    }

    @Override
    public String result() {
        return String.join("", chunks);
    }

    @Override
    public long characters() {
        return characters;
    }

    @Override
    public boolean truncated() {
        return false;
    }

    @Override
    public long retainedBytes() {
        long bytes = HeapLayout.arrayList(chunks.size());
        for (String chunk : chunks) {
            bytes += HeapLayout.string(chunk);
        }
        return bytes;
    }

    @Override
    public String name() {
        return "chunk-list";
    }
}
