package io.streambench.client.accumulate;

/** {@code count-only}: keeps nothing, counts characters; the floor to compare the others with. */
final class CountOnlyAccumulator implements Accumulator {

    private long characters;

    @Override
    public void append(CharSequence text) {
        characters += text.length();
    }

    @Override
    public String result() {
        return "";
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
        return 0;
    }

    @Override
    public String name() {
        return "count-only";
    }
}
