package io.streambench.client.accumulate;

/**
 * {@code bounded}: a {@link StringBuilder} that stops at {@code maxChars} and marks the answer
 * truncated, the usual guard against a runaway answer. Never keeps half of a surrogate pair.
 */
final class BoundedAccumulator implements Accumulator {

    private final int maxChars;
    private final StringBuilder answer = new StringBuilder();
    private long characters;
    private boolean truncated;

    BoundedAccumulator(int maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars=" + maxChars + " must not be negative");
        }
        this.maxChars = maxChars;
    }

    @Override
    public void append(CharSequence text) {
        characters += text.length();
        if (truncated) {
            return;
        }
        int room = maxChars - answer.length();
        if (text.length() <= room) {
            answer.append(text);
            return;
        }
        int keep = room;
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        answer.append(text, 0, keep);
        truncated = true;
    }

    @Override
    public String result() {
        return answer.toString();
    }

    @Override
    public long characters() {
        return characters;
    }

    @Override
    public boolean truncated() {
        return truncated;
    }

    @Override
    public long retainedBytes() {
        return HeapLayout.stringBuilder(answer, answer.capacity());
    }

    @Override
    public String name() {
        return "bounded";
    }
}
