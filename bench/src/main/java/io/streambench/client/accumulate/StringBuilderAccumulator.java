package io.streambench.client.accumulate;

/** {@code string-builder}: one growing {@link StringBuilder}; keeps up to about twice the answer while it grows. */
final class StringBuilderAccumulator implements Accumulator {

    private final StringBuilder answer = new StringBuilder();

    @Override
    public void append(CharSequence text) {
        answer.append(text);
    }

    @Override
    public String result() {
        return answer.toString();
    }

    @Override
    public long characters() {
        return answer.length();
    }

    @Override
    public boolean truncated() {
        return false;
    }

    @Override
    public long retainedBytes() {
        return HeapLayout.stringBuilder(answer, answer.capacity());
    }

    @Override
    public String name() {
        return "string-builder";
    }
}
